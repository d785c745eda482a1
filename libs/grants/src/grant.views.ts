import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiMoney, PageOf, SERVICES } from '@app/core';
import type { GrantReport } from './repositories/grant-reports.repository';
import type { GrantReturn } from './repositories/grant-returns.repository';
import type { Grant } from './repositories/grants.repository';
import type { Tranche } from './repositories/tranches.repository';
import { REPORTING_BLOCKS, reportingBlock, type ReportingBlock } from './domain/reporting';

/**
 * What the grants endpoints return: these classes are both the services' return types and the OpenAPI
 * document's response schemas, and each has one mapper below from the records the repositories read.
 */

export class TrancheView {
  @ApiProperty({ type: 'integer', example: 1 }) n: number;
  @ApiProperty({ type: 'integer', description: 'whole percent of the award' }) percent: number;
  @ApiMoney() amount: number;
  @ApiMoney({ description: 'PSC charged with this tranche' }) psc: number;
  @ApiProperty({ enum: ['on_signature', 'after_report'] }) condition: string;
  @ApiProperty({ enum: ['scheduled', 'due', 'paid', 'cancelled'] }) state: string;
  @ApiPropertyOptional({ type: Date, description: 'present once the tranche has a due date' }) dueBy?: Date;
  @ApiProperty({ type: Date, nullable: true }) paidAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
}

export class PaymentView {
  @ApiProperty({ type: 'integer' }) n: number;
  @ApiMoney() amount: number;
  @ApiProperty({ type: Date, nullable: true }) paidAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
}

export class VictimsCountView {
  @ApiProperty({ enum: SERVICES }) service: string;
  @ApiProperty({ example: 'NG' }) country: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class GrantReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2015-12-31' }) periodEnd: string;
  @ApiMoney({ description: 'spent in the period' }) spent: number;
  @ApiProperty() narrative: string;
  @ApiProperty() final: boolean;
  @ApiProperty({ enum: ['submitted', 'accepted', 'returned'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: Date }) submittedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: [VictimsCountView] }) victimsAssisted: VictimsCountView[];
}

export class GrantReturnView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiMoney() amount: number;
  @ApiMoney({ description: 'PSC released with the return' }) psc: number;
  @ApiProperty() note: string;
  @ApiProperty({ type: Date }) effectiveAt: Date;
}

export class ReportingView {
  @ApiProperty({ description: 'the grantee may file a report now (POST /api/grants/:id/reports)' })
  open: boolean;
  @ApiProperty({
    enum: REPORTING_BLOCKS,
    nullable: true,
    type: String,
    description:
      'why not: the grant is closed or cancelled, or (full post-award workflow) the offer is not accepted or the agreement not yet signed by both sides',
  })
  blockedBy: ReportingBlock | null;
}

export class GrantView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String], example: ['NG'] }) countries: string[];
  @ApiProperty({ enum: SERVICES, isArray: true }) services: string[];
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ enum: ['active', 'closed', 'cancelled'] }) status: string;
  @ApiMoney({ description: 'the award' }) amount: number;
  @ApiProperty({ type: 'integer', description: 'PSC rate in basis points' }) pscRateBps: number;
  @ApiMoney({ description: 'PSC on the award' }) psc: number;
  @ApiMoney({ description: 'amount less cancelled' }) committed: number;
  @ApiMoney() disbursed: number;
  @ApiMoney({ description: 'the same as disbursed' }) paid: number;
  @ApiMoney() returned: number;
  @ApiMoney() cancelled: number;
  @ApiMoney({ description: 'committed less disbursed' }) outstanding: number;
  @ApiProperty() signed: boolean;
  @ApiProperty({ type: Date, nullable: true }) signedAt: Date | null;
  @ApiProperty({ type: Date }) approvedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty() note: string;
  @ApiProperty({ type: [TrancheView] }) tranches: TrancheView[];
  @ApiProperty({ type: [PaymentView] }) payments: PaymentView[];
  @ApiProperty({ type: [GrantReportView] }) reports: GrantReportView[];
  @ApiProperty({ type: [GrantReturnView] }) returns: GrantReturnView[];
  @ApiProperty({ type: ReportingView }) reporting: ReportingView;
}

export class GrantPage extends PageOf(GrantView) {}

/** The answer to a decision: the grant created on approval with what it committed, or the rejection. */
export class DecisionView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ enum: ['approve', 'reject'] }) decision: 'approve' | 'reject';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) grantId: string | null;
  @ApiMoney({ nullable: true }) amount: number | null;
  @ApiMoney({ nullable: true }) psc: number | null;
  @ApiProperty() currency: string;
  @ApiProperty() note: string;
  @ApiMoney({ nullable: true, description: 'available after the commitment' })
  available: number | null;
}

export class DisbursementView {
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiProperty({ type: 'integer' }) n: number;
  @ApiMoney() amount: number;
  @ApiMoney() psc: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: ['paid'] }) state: string;
  @ApiProperty({ format: 'date-time' }) paidAt: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ format: 'uuid' }) postingId: string;
}

export class ReturnRecordedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiMoney() amount: number;
  @ApiMoney({ description: 'PSC released at the grant rate' }) pscReleased: number;
  @ApiProperty() currency: string;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'date-time' }) effectiveAt: string;
  @ApiMoney({ description: "the fund's available balance after the return" }) available: number;
}

// ---- mappers: one per view, from the records the repositories read -----------------------------------

export function toTrancheView(t: Tranche): TrancheView {
  return {
    n: t.n,
    percent: t.percent,
    amount: t.amount,
    psc: t.psc,
    condition: t.condition,
    state: t.state,
    ...(t.dueAt ? { dueBy: t.dueAt } : {}),
    paidAt: t.paidAt,
    reference: t.reference,
  };
}

export function toPaymentView(t: Tranche): PaymentView {
  return { n: t.n, amount: t.amount, paidAt: t.paidAt, reference: t.reference };
}

export function toGrantReportView(r: GrantReport): GrantReportView {
  return {
    id: r.id,
    periodEnd: r.periodEnd,
    spent: r.spent,
    narrative: r.narrative,
    final: r.final,
    status: r.status,
    comment: r.comment,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    victimsAssisted: r.victimsAssisted.map((v) => ({
      service: v.service,
      country: v.country,
      count: v.count,
    })),
  };
}

export function toGrantReturnView(r: GrantReturn): GrantReturnView {
  return { id: r.id, amount: r.amount, psc: r.psc, note: r.note, effectiveAt: r.effectiveAt };
}

/** A grant with its tranches (in order), reports and returns (newest first). */
export function toGrantView(
  g: Grant,
  tranches: readonly Tranche[],
  reports: readonly GrantReport[],
  returns: readonly GrantReturn[],
): GrantView {
  const committed = g.amount - g.cancelled;
  return {
    id: g.id,
    applicationId: g.applicationId,
    callId: g.callId,
    fundId: g.fundId,
    organizationId: g.organizationId,
    title: g.title,
    countries: g.countries,
    services: g.services,
    currency: g.currency,
    status: g.status,
    amount: g.amount,
    pscRateBps: g.pscRateBps,
    psc: g.psc,
    committed,
    disbursed: g.paid,
    paid: g.paid,
    returned: g.returned,
    cancelled: g.cancelled,
    outstanding: committed - g.paid,
    signed: g.signedAt !== null,
    signedAt: g.signedAt,
    approvedAt: g.approvedAt,
    closedAt: g.closedAt,
    note: g.note,
    tranches: tranches.map(toTrancheView),
    payments: tranches.filter((t) => t.state === 'paid').map(toPaymentView),
    reports: reports.map(toGrantReportView),
    returns: returns.map(toGrantReturnView),
    reporting: toReportingView(g),
  };
}

export function toReportingView(g: Grant): ReportingView {
  const blockedBy = reportingBlock(g);
  return { open: blockedBy === null, blockedBy };
}

export function toDisbursementView(
  g: Grant,
  t: Tranche,
  paidAt: Date,
  reference: string | null,
  postingId: string,
): DisbursementView {
  return {
    grantId: g.id,
    n: t.n,
    amount: t.amount,
    psc: t.psc,
    currency: g.currency,
    state: 'paid',
    paidAt: paidAt.toISOString(),
    reference,
    postingId,
  };
}

export function toReturnRecordedView(
  g: Grant,
  r: Omit<GrantReturn, 'grantId'>,
  available: number,
): ReturnRecordedView {
  return {
    id: r.id,
    grantId: g.id,
    amount: r.amount,
    pscReleased: r.psc,
    currency: g.currency,
    note: r.note,
    effectiveAt: r.effectiveAt.toISOString(),
    available,
  };
}
