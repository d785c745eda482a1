import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { FundsService } from '@app/funds';
import { CurrentActor, Roles } from '@app/identity';
import { FundWork, FundWorkRepository } from './fund-work.repository';

export class FundWorkView implements FundWork {
  @ApiProperty({ description: 'submitted applications not screened yet' }) applicationsToScreen: number;
  @ApiProperty({ description: 'review assignments neither submitted nor declared a conflict' })
  reviewsOutstanding: number;
  @ApiProperty({ description: 'eligible applications of closed calls, waiting for a decision' })
  decisionsToTake: number;
  @ApiProperty({ description: 'grant reports submitted and not accepted or sent back yet' })
  reportsToAccept: number;
  @ApiProperty({ description: 'tranches of active grants that are due for payment' }) tranchesDue: number;
}

/** The fund page's "work waiting": counts read from the grant cycle's tables, scoped like the fund. */
@Injectable()
export class FundWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funds: FundsService,
    private readonly work: FundWorkRepository,
  ) {}

  async counts(fundId: string, actor: Actor): Promise<FundWork> {
    await this.funds.get(fundId, actor);
    return this.work.counts(this.dataSource.manager, fundId);
  }
}

@ApiTags('reports')
@Controller('funds')
export class FundWorkController {
  constructor(private readonly work: FundWorkService) {}

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/work')
  @ApiOperation({
    operationId: 'getFundWork',
    summary: 'The work waiting on a fund',
    description:
      'Applications to screen, reviews outstanding, decisions to take, reports to accept and tranches due, counted now.',
  })
  @ApiOkResponse({ type: FundWorkView })
  counts(@IdParam('id', 'fund') id: string, @CurrentActor() actor: Actor): Promise<FundWork> {
    return this.work.counts(id, actor);
  }
}
