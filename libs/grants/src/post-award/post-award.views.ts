import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney } from '@app/core';
import { LANGUAGES } from './offers.repository';

/** What the post-award routes answer: each use case returns the grant's whole post-award view. */

export class PostAwardSettingsView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ enum: ['simple', 'full'] }) workflow: string;
  @ApiProperty({ type: 'integer' }) acceptanceDays: number;
}

export class OfferView {
  @ApiProperty({ enum: ['offered', 'accepted', 'declined', 'withdrawn'], nullable: true, type: String })
  state: string | null;
  @ApiProperty({ type: Date, nullable: true }) respondBy: Date | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: LANGUAGES, nullable: true, type: String }) language: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) signatoryId: string | null;
}

export class SignatureView {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: ['ngo', 'fund_manager'] }) party: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: Date }) signedAt: Date;
  @ApiProperty({ type: String, nullable: true, description: 'the client address it came from' })
  address: string | null;
  @ApiProperty({ description: 'SHA-256 of the PDF signed' }) sha256: string;
}

export class AgreementVersionView {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ description: 'SHA-256 of the PDF bytes, hex' }) sha256: string;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ type: Date }) generatedAt: Date;
}

export class AgreementView {
  @ApiProperty({ type: AgreementVersionView, nullable: true }) current: AgreementVersionView | null;
  @ApiProperty({ type: [AgreementVersionView] }) versions: AgreementVersionView[];
  @ApiProperty({ type: [SignatureView] }) signatures: SignatureView[];
  @ApiProperty({ description: 'the grantee signed the current version' }) signedByGrantee: boolean;
  @ApiProperty({ description: 'the fund manager countersigned the current version' }) countersigned: boolean;
}

export class GrantBudgetLineView {
  @ApiProperty({ type: 'integer' }) n: number;
  @ApiProperty() label: string;
  @ApiMoney({ description: 'the (amended) budget of the line' }) budget: number;
  @ApiMoney({ description: 'spent as reported (submitted and accepted reports)' }) spent: number;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'budget less spent (negative: overspent)' })
  variance: number;
}

export class BudgetMoveView {
  @ApiProperty({ type: 'integer' }) from: number;
  @ApiProperty({ type: 'integer' }) to: number;
  @ApiMoney() amount: number;
}

export class AmendmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', description: 'the amendment number on this grant' }) version: number;
  @ApiProperty({ enum: ['no_cost_extension', 'budget_revision', 'cost_extension'] }) kind: string;
  @ApiProperty({ enum: ['requested', 'approved', 'rejected', 'recorded'] }) state: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ type: [BudgetMoveView], nullable: true }) moves: BudgetMoveView[] | null;
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true }) amount: number | null;
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true }) psc: number | null;
  @ApiProperty({ type: Date }) requestedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
}

export class ScheduleEntryView {
  @ApiProperty({ type: 'integer' }) n: number;
  @ApiProperty() final: boolean;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: ['due', 'overdue', 'submitted', 'sent_back', 'accepted'] }) state: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId: string | null;
}

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['spot_check', 'monitoring_visit', 'audit'] }) kind: string;
  @ApiProperty({ format: 'date' }) plannedOn: string;
  @ApiProperty() assignee: string;
  @ApiProperty({ enum: ['planned', 'completed'] }) state: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId: string | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt: Date | null;
}

export class FindingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) severity: string;
  @ApiProperty() text: string;
  @ApiMoney({ minimum: 0 }) ineligibleAmount: number;
}

export class ActionPointView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) findingId: string;
  @ApiProperty() text: string;
  @ApiProperty() owner: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state: string;
}

export class RefundView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) findingId: string;
  @ApiMoney() amount: number;
  @ApiProperty({ enum: ['owed', 'received'] }) state: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) returnId: string | null;
  @ApiProperty({ type: Date, nullable: true }) receivedAt: Date | null;
}

export class OpenItemView {
  @ApiProperty({ enum: ['final_report', 'tranche', 'refund', 'action_point', 'audit', 'amendment'] })
  kind: string;
  @ApiProperty() id: string;
  @ApiProperty() detail: string;
}

export class PostAwardView {
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiProperty({ enum: ['active', 'closed', 'cancelled'] }) status: string;
  @ApiProperty({ enum: ['simple', 'full'] }) workflow: string;
  @ApiProperty({ type: OfferView }) offer: OfferView;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiMoney({ description: 'the award as amended' }) amount: number;
  @ApiMoney({ description: 'the award before cost extensions' }) originalAmount: number;
  @ApiMoney({ minimum: 0, description: 'PSC on the award as amended' }) psc: number;
  @ApiProperty({ type: AgreementView }) agreement: AgreementView;
  @ApiProperty({ type: [GrantBudgetLineView] }) budget: GrantBudgetLineView[];
  @ApiProperty({ type: [AmendmentView] }) amendments: AmendmentView[];
  @ApiProperty({ type: [ScheduleEntryView] }) reportSchedule: ScheduleEntryView[];
  @ApiProperty({ type: [ActivityView] }) assurance: ActivityView[];
  @ApiProperty({ type: [FindingView] }) findings: FindingView[];
  @ApiProperty({ type: [ActionPointView] }) actionPoints: ActionPointView[];
  @ApiProperty({ type: [RefundView] }) refunds: RefundView[];
  @ApiProperty({ type: [OpenItemView], description: 'what the close-out gate would name today' })
  open: OpenItemView[];
}
