import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Actor, IdempotencyClaim } from '@app/core';
import { IdParam, Idempotent, IdempotencyKey, NotFoundError } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { DecisionsService } from './decisions.service';
import {
  CancelGrantDto,
  DecisionDto,
  DecisionView,
  DisburseDto,
  GrantQuery,
  GrantReportDto,
  ReportDecisionDto,
  ReturnDto,
} from './dto/grants.dto';
import { GrantsService } from './grants.service';

function trancheNumber(raw: string): number {
  if (!/^[1-9]\d{0,2}$/.test(raw)) throw new NotFoundError('tranche', raw);
  return Number(raw);
}

@ApiTags('grants')
@Controller('applications')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Roles('fund_manager')
  @Post(':id/decision')
  @Idempotent()
  @ApiConflictResponse({ description: '/problems/insufficient-funds or /problems/envelope-exceeded' })
  decide(
    @IdParam('id', 'application') id: string,
    @Body() dto: DecisionDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ): Promise<DecisionView> {
    return this.decisions.decide(id, dto, actor, claim);
  }
}

@ApiTags('grants')
@Controller('grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Roles('ngo', 'fund_manager', 'finance', 'admin')
  @Get()
  list(@Query() query: GrantQuery, @CurrentActor() actor: Actor) {
    return this.grants.list(query, actor);
  }

  @Roles('ngo', 'fund_manager', 'finance', 'admin')
  @Get(':id')
  get(@IdParam('id', 'grant') id: string, @CurrentActor() actor: Actor) {
    return this.grants.get(id, actor);
  }

  @Roles('fund_manager')
  @Post(':id/sign')
  @HttpCode(200)
  sign(@IdParam('id', 'grant') id: string, @CurrentActor() actor: Actor) {
    return this.grants.sign(id, actor);
  }

  @Roles('finance')
  @Post(':id/tranches/:n/disburse')
  @Idempotent()
  @ApiUnprocessableEntityResponse({ description: '/problems/tranche-not-due' })
  @ApiConflictResponse({ description: 'the tranche is already paid or cancelled' })
  disburse(
    @IdParam('id', 'grant') id: string,
    @Param('n') n: string,
    @Body() dto: DisburseDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.grants.disburse(id, trancheNumber(n), dto, actor, claim);
  }

  @Roles('fund_manager')
  @Post(':id/cancel')
  @Idempotent()
  cancel(
    @IdParam('id', 'grant') id: string,
    @Body() dto: CancelGrantDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.grants.cancel(id, dto, actor, claim);
  }

  @Roles('finance')
  @Post(':id/returns')
  @Idempotent()
  addReturn(
    @IdParam('id', 'grant') id: string,
    @Body() dto: ReturnDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.grants.addReturn(id, dto, actor, claim);
  }

  @Roles('ngo')
  @Post(':id/reports')
  submitReport(
    @IdParam('id', 'grant') id: string,
    @Body() dto: GrantReportDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.grants.submitReport(id, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/reports/:reportId/accept')
  @HttpCode(200)
  accept(
    @IdParam('id', 'grant') id: string,
    @IdParam('reportId', 'report') reportId: string,
    @Body() dto: ReportDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.grants.decideReport(id, reportId, true, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/reports/:reportId/return')
  @HttpCode(200)
  returnReport(
    @IdParam('id', 'grant') id: string,
    @IdParam('reportId', 'report') reportId: string,
    @Body() dto: ReportDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.grants.decideReport(id, reportId, false, dto, actor);
  }
}
