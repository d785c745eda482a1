import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
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
  SupersedeExchangeRateDto,
} from './dto/funds.dto';
import { ExchangeRatesService } from './exchange-rates.service';
import { FundsService } from './funds.service';

@ApiTags('funds')
@Controller('funds')
export class FundsController {
  constructor(
    private readonly funds: FundsService,
    private readonly balances: BalanceService,
    private readonly clock: Clock,
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

  @Roles('finance')
  @Post(':id/supersede')
  @ApiOperation({
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
