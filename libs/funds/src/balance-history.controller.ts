import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Actor, Page } from '@app/core';
import { ApiMoney, IdParam, pageLimit, PageQuery } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { BalanceFiguresView } from './dto/funds.dto';
import { FundsService } from './funds.service';
import { AlertView, SnapshotsService, SnapshotView } from './snapshots.service';

export class AlertsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['crossing', 'drift'], default: 'crossing' })
  @IsOptional()
  @IsIn(['crossing', 'drift'])
  type?: 'crossing' | 'drift';
}

export class SnapshotItem extends BalanceFiguresView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'when the balance job wrote the snapshot' }) at: string;
  @ApiProperty({ enum: ['change', 'daily', 'manual'] }) reason: string;
}

export class SnapshotPage {
  @ApiProperty({ type: [SnapshotItem] }) items: SnapshotItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AlertItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['crossing', 'drift'] }) type: string;
  @ApiProperty({ enum: ['up', 'down'], nullable: true, type: String }) direction: string | null;
  @ApiMoney() available: number;
  @ApiMoney() target: number;
  @ApiProperty() at: string;
}

export class AlertPage {
  @ApiProperty({ type: [AlertItem] }) items: AlertItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** What the balance jobs wrote: the snapshot history and the target crossings, newest first. */
@ApiTags('funds')
@Controller('funds')
export class BalanceHistoryController {
  constructor(
    private readonly funds: FundsService,
    private readonly snapshots: SnapshotsService,
  ) {}

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/balance/history')
  @ApiOperation({
    operationId: 'listFundBalanceHistory',
    summary: "A fund's balance history",
    description: 'The balance snapshots the balance jobs wrote, newest first.',
  })
  @ApiOkResponse({ type: SnapshotPage })
  async history(
    @IdParam('id', 'fund') id: string,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<SnapshotPage> {
    await this.funds.get(id, actor);
    return this.snapshots.history(id, pageLimit(query), query.cursor) as Promise<Page<SnapshotView>>;
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/alerts')
  @ApiOperation({
    operationId: 'listFundAlerts',
    summary: "A fund's balance alerts",
    description:
      'Crossings of the new-call target, or drifts found by the nightly reconciliation, newest first.',
  })
  @ApiOkResponse({ type: AlertPage })
  async alerts(
    @IdParam('id', 'fund') id: string,
    @Query() query: AlertsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<AlertPage> {
    await this.funds.get(id, actor);
    return this.snapshots.alerts(id, query.type ?? 'crossing', pageLimit(query), query.cursor) as Promise<
      Page<AlertView>
    >;
  }
}
