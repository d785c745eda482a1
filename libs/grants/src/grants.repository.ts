import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minorUnits } from '@app/core';
import type { TrancheCondition, TrancheState } from './domain/tranches';

export interface GrantRow {
  id: string;
  application_id: string;
  call_id: string;
  fund_id: string;
  organization_id: string;
  title: string;
  countries: string[];
  services: string[];
  currency: string;
  amount: string;
  psc_rate_bps: number;
  psc_amount: string;
  paid: string;
  cancelled: string;
  returned: string;
  psc_released: string;
  status: 'active' | 'closed' | 'cancelled';
  note: string;
  approved_at: Date;
  signed_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
}

export interface TrancheRow {
  n: number;
  percent: number;
  amount: string;
  psc_amount: string;
  condition: TrancheCondition;
  state: TrancheState;
  due_at: Date | null;
  paid_at: Date | null;
  reference: string | null;
}

export interface ReportRow {
  id: string;
  period_end: string;
  spent: string;
  narrative: string;
  final: boolean;
  status: 'submitted' | 'accepted' | 'returned';
  comment: string | null;
  submitted_at: Date;
  decided_at: Date | null;
}

interface ReturnRow {
  grant_id: string;
  id: string;
  amount: string;
  psc_amount: string;
  note: string;
  effective_at: Date;
}

interface VictimsRow {
  report_id: string;
  service: string;
  country: string;
  count: number;
}

/** A bigint column read as a safe integer of minor units (refuses anything else). */
const n = (v: string | number): number => minorUnits.from(v) as number;

const TRANCHE_COLUMNS = `grant_id, n, percent, amount::text AS amount, psc_amount::text AS psc_amount, condition, state,
  due_at, paid_at, reference`;
const REPORT_COLUMNS = `grant_id, id, to_char(period_end, 'YYYY-MM-DD') AS period_end, spent::text AS spent, narrative,
  final, status, comment, submitted_at, decided_at`;
const RETURN_COLUMNS = `grant_id, id, amount::text AS amount, psc_amount::text AS psc_amount, note, effective_at`;

function byGrant<T extends { grant_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.grant_id, [...(out.get(r.grant_id) ?? []), r]);
  return out;
}

/** SQL of the grants context for reading grants with their tranches, reports and returns. */
@Injectable()
export class GrantsRepository {
  /** A grant's tranches in order (what the tranche rules need). */
  tranches(em: EntityManager, grantId: string): Promise<Pick<TrancheRow, 'n' | 'condition' | 'state'>[]> {
    return em.query(`SELECT n, condition, state FROM grant_tranches WHERE grant_id = $1 ORDER BY n`, [
      grantId,
    ]);
  }

  /** How many of a grant's reports are accepted. */
  async acceptedReports(em: EntityManager, grantId: string): Promise<number> {
    const [row]: { accepted: number }[] = await em.query(
      `SELECT count(*)::int AS accepted FROM grant_reports WHERE grant_id = $1 AND status = 'accepted'`,
      [grantId],
    );
    return row.accepted;
  }

  /** Makes the scheduled tranches numbered `ns` due at `at`. */
  async makeDue(em: EntityManager, grantId: string, ns: number[], at: Date): Promise<void> {
    await em.query(
      `UPDATE grant_tranches SET state = 'due', due_at = $3
       WHERE grant_id = $1 AND n = ANY($2::int[]) AND state = 'scheduled'`,
      [grantId, ns, at],
    );
  }

  /**
   * The views of `grants`, in their order: four statements whatever their number (tranches, reports,
   * returns, victims assisted), in sequence since `em` may be a transaction's single connection.
   */
  async views(em: EntityManager, grants: readonly GrantRow[]): Promise<GrantView[]> {
    if (!grants.length) return [];
    const ids = grants.map((g) => g.id);
    const tranches: (TrancheRow & { grant_id: string })[] = await em.query(
      `SELECT ${TRANCHE_COLUMNS} FROM grant_tranches WHERE grant_id = ANY($1::uuid[]) ORDER BY grant_id, n`,
      [ids],
    );
    const reports: (ReportRow & { grant_id: string })[] = await em.query(
      `SELECT ${REPORT_COLUMNS} FROM grant_reports WHERE grant_id = ANY($1::uuid[]) ORDER BY submitted_at DESC, id`,
      [ids],
    );
    const returns: ReturnRow[] = await em.query(
      `SELECT ${RETURN_COLUMNS} FROM grant_returns WHERE grant_id = ANY($1::uuid[]) ORDER BY effective_at DESC, id`,
      [ids],
    );
    const victims: VictimsRow[] = reports.length
      ? await em.query(
          `SELECT report_id, service, country, count FROM grant_report_victims WHERE report_id = ANY($1::uuid[])`,
          [reports.map((r) => r.id)],
        )
      : [];
    const t = byGrant(tranches);
    const r = byGrant(reports);
    const ret = byGrant(returns);
    const v = new Map<string, VictimsRow[]>();
    for (const x of victims) v.set(x.report_id, [...(v.get(x.report_id) ?? []), x]);
    return grants.map((g) => toGrantView(g, t.get(g.id) ?? [], r.get(g.id) ?? [], ret.get(g.id) ?? [], v));
  }
}

export type GrantView = ReturnType<typeof toGrantView>;

function toGrantView(
  g: GrantRow,
  tranches: TrancheRow[],
  reports: ReportRow[],
  returns: ReturnRow[],
  victims: ReadonlyMap<string, VictimsRow[]>,
) {
  const committed = n(g.amount) - n(g.cancelled);
  return {
    id: g.id,
    applicationId: g.application_id,
    callId: g.call_id,
    fundId: g.fund_id,
    organizationId: g.organization_id,
    title: g.title,
    countries: g.countries,
    services: g.services,
    currency: g.currency.trim(),
    status: g.status,
    amount: n(g.amount),
    pscRateBps: g.psc_rate_bps,
    psc: n(g.psc_amount),
    committed,
    disbursed: n(g.paid),
    paid: n(g.paid),
    returned: n(g.returned),
    cancelled: n(g.cancelled),
    outstanding: committed - n(g.paid),
    signed: g.signed_at !== null,
    signedAt: g.signed_at,
    approvedAt: g.approved_at,
    closedAt: g.closed_at,
    note: g.note,
    tranches: tranches.map((t) => ({
      n: t.n,
      percent: t.percent,
      amount: n(t.amount),
      psc: n(t.psc_amount),
      condition: t.condition,
      state: t.state,
      ...(t.due_at ? { dueBy: t.due_at } : {}),
      paidAt: t.paid_at,
      reference: t.reference,
    })),
    payments: tranches
      .filter((t) => t.state === 'paid')
      .map((t) => ({ n: t.n, amount: n(t.amount), paidAt: t.paid_at, reference: t.reference })),
    reports: reports.map((r) => ({
      id: r.id,
      periodEnd: r.period_end,
      spent: n(r.spent),
      narrative: r.narrative,
      final: r.final,
      status: r.status,
      comment: r.comment,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      victimsAssisted: (victims.get(r.id) ?? []).map((v) => ({
        service: v.service,
        country: v.country.trim(),
        count: v.count,
      })),
    })),
    returns: returns.map((r) => ({
      id: r.id,
      amount: n(r.amount),
      psc: n(r.psc_amount),
      note: r.note,
      effectiveAt: r.effective_at,
    })),
  };
}
