import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ApiMoney, SERVICES } from '@app/core';
import { BalanceFiguresView } from '@app/funds';
import { CONTRIBUTION_GROUPS } from '../domain/contributions';
import { DATA_AS_OF } from './data-as-of';
import { GRANT_GROUPS } from '../domain/grants-report';

/** The balance figures at one end of a statement's period (minor units of the fund currency). */
export class StatementFiguresView extends OmitType(BalanceFiguresView, ['target', 'progress'] as const) {}

/** What moved during the period, by kind (minor units; reversals, cancellations and releases positive). */
export class StatementMovementsView {
  @ApiMoney({ description: 'contributions received' }) contributions: number;
  @ApiMoney({ description: 'contributions reversed' }) reversals: number;
  @ApiMoney({ description: 'grant amounts committed' }) commitments: number;
  @ApiMoney({ description: 'commitments released by cancelled tranches' }) cancellations: number;
  @ApiMoney({ description: 'PSC reserved on new commitments' }) pscReserved: number;
  @ApiMoney({ description: 'PSC released by returns and cancellations' }) pscReleased: number;
  @ApiMoney({ description: 'paid to grantees' }) disbursements: number;
  @ApiMoney({ description: 'unspent money returned' }) returns: number;
  @ApiMoney({ description: 'fund-level costs' }) costs: number;
  @ApiMoney({ description: 'closing available less opening available (may be negative)' })
  availableChange: number;
}

export class FundStatementView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty() fundName: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: String, nullable: true, description: 'start of the period; null from the start' })
  from: string | null;
  @ApiProperty({ description: 'end of the period' }) to: string;
  @ApiProperty({ type: StatementFiguresView }) opening: StatementFiguresView;
  @ApiProperty({ type: StatementMovementsView }) movements: StatementMovementsView;
  @ApiProperty({ type: StatementFiguresView }) closing: StatementFiguresView;
  @ApiMoney({ description: 'the new-call target' }) target: number;
  @ApiProperty({ type: 'number', description: 'closing available / target (1 = 100%)' }) progress: number;

  @ApiProperty({ format: 'date-time', description: DATA_AS_OF })
  dataAsOf: string;
}

export class GrantsReportTotalView {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiMoney() committed: number;
  @ApiMoney() disbursed: number;
  @ApiMoney() returned: number;
  @ApiMoney() outstanding: number;
}

/** One group of grants; only the fields of the requested groups are present. */
export class GrantsReportItemView extends GrantsReportTotalView {
  @ApiPropertyOptional({ example: 'NG' }) country?: string;
  @ApiPropertyOptional({ enum: SERVICES }) service?: string;
  @ApiPropertyOptional({ format: 'uuid' }) callId?: string;
  @ApiPropertyOptional() callTitle?: string;
}

export class GrantsReportView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: GRANT_GROUPS, isArray: true }) groupBy: string[];
  @ApiProperty({ type: [GrantsReportItemView] }) items: GrantsReportItemView[];
  @ApiProperty({ type: GrantsReportTotalView }) total: GrantsReportTotalView;

  @ApiProperty({ format: 'date-time', description: DATA_AS_OF })
  dataAsOf: string;
}

/** Contributions of one group; only the fields of the requested groups are present. */
export class ContributionsReportItemView {
  @ApiPropertyOptional({ format: 'uuid' }) donorId?: string;
  @ApiPropertyOptional() donorName?: string;
  @ApiPropertyOptional({ enum: ['member_state', 'private'] }) donorType?: string;
  @ApiPropertyOptional({ type: 'integer', example: 2015 }) year?: number;
  @ApiMoney() amount: number;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: 'number', description: 'share of the total (1 = 100%)' }) share: number;
}

export class ContributionsReportView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ enum: CONTRIBUTION_GROUPS, isArray: true }) groupBy: string[];
  @ApiProperty({ type: [ContributionsReportItemView] }) items: ContributionsReportItemView[];
  @ApiMoney() total: number;
  @ApiProperty({ type: 'integer' }) count: number;

  @ApiProperty({ format: 'date-time', description: DATA_AS_OF })
  dataAsOf: string;
}
