import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor, IdempotencyClaim } from '@app/core';
import { Clock, IdParam, Idempotent, IdempotencyKey, InvalidInputError } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { BalanceService } from './balance.service';
import { parseAsOf } from './domain/dates';
import {
  BalanceQuery,
  BalanceView,
  CostView,
  CreateCostDto,
  CreateExchangeRateDto,
  CreateFundDto,
  ExchangeRateQuery,
  ExchangeRateView,
  FundView,
} from './dto/funds.dto';
import { ExchangeRatesService } from './exchange-rates.service';
import { ClosedPeriodView, ClosePeriodDto, ProblemView } from './dto/periods.dto';
import { FundsService } from './funds.service';
import { PeriodsService } from './periods.service';

@ApiTags('funds')
@Controller('funds')
export class FundsController {
  constructor(
    private readonly funds: FundsService,
    private readonly balances: BalanceService,
    private readonly clock: Clock,
    private readonly periods: PeriodsService,
  ) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateFundDto, @CurrentActor() actor: Actor): Promise<FundView> {
    return this.funds.create(dto, actor);
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get()
  async list(@CurrentActor() actor: Actor): Promise<{ items: FundView[]; nextCursor: null }> {
    return { items: await this.funds.list(actor), nextCursor: null };
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id')
  get(@IdParam('id', 'fund') id: string, @CurrentActor() actor: Actor): Promise<FundView> {
    return this.funds.get(id, actor);
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/balance')
  async balance(
    @IdParam('id', 'fund') id: string,
    @Query() query: BalanceQuery,
    @CurrentActor() actor: Actor,
  ): Promise<BalanceView> {
    await this.funds.get(id, actor);
    const now = this.clock.now();
    if (!query.asOf) return this.balances.now(id, now);
    const at = parseAsOf(query.asOf);
    if (Number.isNaN(at.getTime())) throw new InvalidInputError('asOf', 'asOf must be a date');
    return at.getTime() >= now.getTime() ? this.balances.now(id, now) : this.balances.asOf(id, at);
  }

  @Roles('finance')
  @Post(':id/costs')
  @Idempotent()
  @ApiConflictResponse({ description: '/problems/insufficient-funds' })
  addCost(
    @IdParam('id', 'fund') id: string,
    @Body() dto: CreateCostDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ): Promise<CostView> {
    return this.funds.addCost(id, dto, actor, claim);
  }

  @Roles('finance', 'admin')
  @Post(':id/close-period')
  @HttpCode(200)
  @ApiOperation({
    summary: "Close the fund's books through a day",
    description:
      'After it, no money write (contribution, reversal, cost, decision, disbursement, return, cancellation) ' +
      'may take effect on or before that day (422 /problems/period-closed). The day must be before today; ' +
      'it never moves backwards (409); closing through the same day again changes nothing. Audited.',
  })
  @ApiOkResponse({ type: ClosedPeriodView, description: 'the closed period now in force' })
  @ApiBadRequestResponse({
    type: ProblemView,
    description: '/problems/validation: through is not YYYY-MM-DD',
  })
  @ApiNotFoundResponse({ type: ProblemView, description: '/problems/not-found: no such fund, or not yours' })
  @ApiConflictResponse({
    type: ProblemView,
    description: '/problems/period-cannot-reopen: the books are closed through a later day',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemView,
    description: '/problems/period-not-ended: through is today or later',
  })
  closePeriod(
    @IdParam('id', 'fund') id: string,
    @Body() dto: ClosePeriodDto,
    @CurrentActor() actor: Actor,
  ): Promise<ClosedPeriodView> {
    return this.periods.close(id, dto.through, actor);
  }
}

@ApiTags('exchange-rates')
@Controller('exchange-rates')
export class ExchangeRatesController {
  constructor(private readonly rates: ExchangeRatesService) {}

  @Roles('finance')
  @Post()
  create(@Body() dto: CreateExchangeRateDto, @CurrentActor() actor: Actor): Promise<ExchangeRateView> {
    return this.rates.create(dto, actor);
  }

  @Roles('finance')
  @Get()
  list(@Query() query: ExchangeRateQuery) {
    return this.rates.list(query);
  }
}
