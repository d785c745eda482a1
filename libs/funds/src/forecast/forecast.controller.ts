import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { FundsService } from '../funds.service';
import { ForecastService } from './forecast.service';
import { ForecastQuery, ForecastView } from './forecast.views';

@ApiTags('funds')
@Controller('funds')
export class ForecastController {
  constructor(
    private readonly funds: FundsService,
    private readonly forecasts: ForecastService,
  ) {}

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/forecast')
  @ApiOperation({
    operationId: 'getFundForecast',
    summary: "A forecast of the fund's available balance against its new-call target",
    description:
      'Month by month for 24 months: the 10th, 50th and 90th percentiles of the available balance, the ' +
      'month the target is expected to be reached with its low and high months, and the inputs of the ' +
      'method (docs/adr/0016-forecast.md). With `commit`, also what approving a grant of that amount ' +
      '(plus PSC) does to the expected month.',
  })
  @ApiOkResponse({ type: ForecastView })
  @ApiBadRequestResponse({ description: '`commit` is not a non-negative integer of minor units' })
  @ApiNotFoundResponse({ description: 'No such fund, or one outside the caller\u2019s funds' })
  async get(
    @IdParam('id', 'fund') id: string,
    @Query() query: ForecastQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ForecastView> {
    await this.funds.get(id, actor);
    return this.forecasts.now(id, query.commit === undefined ? undefined : Number(query.commit));
  }
}
