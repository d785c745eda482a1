import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor, IdempotencyClaim } from '@app/core';
import { Clock, IdParam, Idempotent, IdempotencyKey, InvalidInputError, PageQuery } from '@app/core';
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
  SupersedeExchangeRateDto,
} from './dto/funds.dto';
import { CostPage, ExchangeRatePage, FundList } from './dto/funds.views';
import { ExchangeRatesService } from './exchange-rates.service';
import { ClosedPeriodView, ClosePeriodDto } from './dto/periods.dto';
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
  @ApiOperation({
    operationId: 'createFund',
    summary: 'Create a fund',
    description: 'A trust fund with its code, currency, new-call target and PSC rate.',
  })
  @ApiCreatedResponse({ type: FundView })
  @ApiConflictResponse({ description: 'The fund code is taken' })
  create(@Body() dto: CreateFundDto, @CurrentActor() actor: Actor): Promise<FundView> {
    return this.funds.create(dto, actor);
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get()
  @ApiOperation({
    operationId: 'listFunds',
    summary: 'List funds',
    description: 'The funds the caller may see (all of them, in one page).',
  })
  @ApiOkResponse({ type: FundList })
  async list(@CurrentActor() actor: Actor): Promise<FundList> {
    return { items: await this.funds.list(actor), nextCursor: null };
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id')
  @ApiOperation({ operationId: 'getFund', summary: 'Get a fund', description: 'One fund by id.' })
  @ApiOkResponse({ type: FundView })
  get(@IdParam('id', 'fund') id: string, @CurrentActor() actor: Actor): Promise<FundView> {
    return this.funds.get(id, actor);
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/balance')
  @ApiOperation({
    operationId: 'getFundBalance',
    summary: "A fund's balance",
    description: 'Received, pledged, committed, disbursed, PSC, costs and available, now or as of a date.',
  })
  @ApiOkResponse({ type: BalanceView })
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

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/costs')
  @ApiOperation({
    operationId: 'listFundCosts',
    summary: "A fund's costs",
    description: 'The fund-level costs (evaluation, audit, ...), the latest incurred first, in pages.',
  })
  @ApiOkResponse({ type: CostPage })
  @ApiBadRequestResponse({ description: '/problems/validation: limit or cursor not valid' })
  @ApiNotFoundResponse({ description: '/problems/not-found: no such fund, or not yours' })
  listCosts(
    @IdParam('id', 'fund') id: string,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<CostPage> {
    return this.funds.listCosts(id, query, actor);
  }

  @Roles('finance')
  @Post(':id/costs')
  @Idempotent()
  @ApiConflictResponse({ description: '/problems/insufficient-funds' })
  @ApiOperation({
    operationId: 'addFundCost',
    summary: 'Record a fund-level cost',
    description: 'A cost charged to the fund (evaluation, audit, ...), taken from available.',
  })
  @ApiCreatedResponse({ type: CostView })
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
    operationId: 'closePeriod',
    summary: "Close the fund's books through a day",
    description:
      'After it, no money write (contribution, reversal, cost, decision, disbursement, return, cancellation) ' +
      'may take effect on or before that day (422 /problems/period-closed). The day must be before today; ' +
      'it never moves backwards (409); closing through the same day again changes nothing. Audited.',
  })
  @ApiOkResponse({ type: ClosedPeriodView, description: 'the closed period now in force' })
  @ApiBadRequestResponse({ description: '/problems/validation: through is not YYYY-MM-DD' })
  @ApiNotFoundResponse({ description: '/problems/not-found: no such fund, or not yours' })
  @ApiConflictResponse({
    description: '/problems/period-cannot-reopen: the books are closed through a later day',
  })
  @ApiUnprocessableEntityResponse({
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
  @ApiOperation({
    operationId: 'createExchangeRate',
    summary: 'Record an exchange rate',
    description: 'Units of a currency per US dollar, in force from a day until the next rate.',
  })
  @ApiCreatedResponse({ type: ExchangeRateView })
  @ApiConflictResponse({ description: 'A rate for this currency and day exists' })
  create(@Body() dto: CreateExchangeRateDto, @CurrentActor() actor: Actor): Promise<ExchangeRateView> {
    return this.rates.create(dto, actor);
  }

  @Roles('finance', 'admin')
  @Get()
  @ApiOperation({
    operationId: 'listExchangeRates',
    summary: 'List exchange rates',
    description: 'Exchange rates, newest first, optionally of one currency (admins read them too).',
  })
  @ApiOkResponse({ type: ExchangeRatePage })
  list(@Query() query: ExchangeRateQuery) {
    return this.rates.list(query);
  }

  @Roles('finance')
  @Post(':id/supersede')
  @ApiOperation({
    operationId: 'supersedeExchangeRate',
    summary: 'Correct a mistyped rate',
    description:
      'Records the corrected rate for the same currency and day and marks this one superseded (audited). ' +
      'Conversions use the corrected rate from now on; contributions already converted keep their own rate.',
  })
  @ApiCreatedResponse({ type: ExchangeRateView, description: 'the corrected, current rate' })
  @ApiBadRequestResponse({ description: '/problems/validation: rate or reason missing or malformed' })
  @ApiForbiddenResponse({ description: '/problems/forbidden: the caller is limited to some funds' })
  @ApiNotFoundResponse({ description: '/problems/not-found' })
  @ApiConflictResponse({ description: '/problems/rate-superseded: correct the current rate instead' })
  supersede(
    @IdParam('id', 'exchange_rate') id: string,
    @Body() dto: SupersedeExchangeRateDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExchangeRateView> {
    return this.rates.supersede(id, dto, actor);
  }
}
