import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiMoney, PageOf, SERVICES } from '@app/core';

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
}

export class GrantPage extends PageOf(GrantView) {}

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
