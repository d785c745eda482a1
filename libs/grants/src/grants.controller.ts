import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor, IdempotencyClaim } from '@app/core';
import { IdParam, Idempotent, IdempotencyKey, NotFoundError } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { DecisionsService } from './decisions.service';
import {
  CancelGrantDto,
  DecisionDto,
  DisburseDto,
  GrantQuery,
  GrantReportDto,
  ReportDecisionDto,
  ReturnDto,
} from './dto/grants.dto';
import { DisbursementsService } from './disbursements.service';
import { GrantAgreementService } from './grant-agreement.service';
import { GrantQueriesService } from './grant-queries.service';
import { GrantReportsService } from './grant-reports.service';
import {
  DecisionView,
  DisbursementView,
  GrantPage,
  GrantReportView,
  GrantView,
  ReturnRecordedView,
} from './grant.views';

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
  @ApiOperation({
    operationId: 'decideApplication',
    summary: 'Decide on an application',
    description:
      'Approves (committing the award and its PSC in the ledger, creating the grant) or rejects an eligible application.',
  })
  @ApiCreatedResponse({ type: DecisionView })
  @ApiUnprocessableEntityResponse({
    description:
      'The application or its call is not ready for a decision, or the award or schedule is invalid',
  })
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
  constructor(
    private readonly queries: GrantQueriesService,
    private readonly agreement: GrantAgreementService,
    private readonly disbursements: DisbursementsService,
    private readonly reports: GrantReportsService,
  ) {}

  @Roles('ngo', 'fund_manager', 'finance', 'admin')
  @Get()
  @ApiOperation({
    operationId: 'listGrants',
    summary: 'List grants',
    description: 'An NGO sees its own grants, staff those of their funds.',
  })
  @ApiOkResponse({ type: GrantPage })
  list(@Query() query: GrantQuery, @CurrentActor() actor: Actor) {
    return this.queries.list(query, actor);
  }

  @Roles('ngo', 'fund_manager', 'finance', 'admin')
  @Get(':id')
  @ApiOperation({
    operationId: 'getGrant',
    summary: 'Get a grant',
    description: 'The grant with its tranches, payments, reports and returns.',
  })
  @ApiOkResponse({ type: GrantView })
  get(@IdParam('id', 'grant') id: string, @CurrentActor() actor: Actor) {
    return this.queries.get(id, actor);
  }

  @Roles('fund_manager')
  @Post(':id/sign')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'signGrant',
    summary: 'Sign the grant agreement',
    description: 'Signs the agreement; tranches due on signature become due.',
  })
  @ApiOkResponse({ type: GrantView })
  @ApiConflictResponse({ description: 'The grant is signed already or not active' })
  sign(@IdParam('id', 'grant') id: string, @CurrentActor() actor: Actor) {
    return this.agreement.sign(id, actor);
  }

  @Roles('finance')
  @Post(':id/tranches/:n/disburse')
  @Idempotent()
  @ApiUnprocessableEntityResponse({ description: '/problems/tranche-not-due' })
  @ApiConflictResponse({ description: 'the tranche is already paid or cancelled' })
  @ApiOperation({
    operationId: 'disburseTranche',
    summary: 'Disburse a tranche',
    description: 'Pays a due tranche to the grantee, posting it in the ledger.',
  })
  @ApiCreatedResponse({ type: DisbursementView })
  disburse(
    @IdParam('id', 'grant') id: string,
    @Param('n') n: string,
    @Body() dto: DisburseDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.disbursements.disburse(id, trancheNumber(n), dto, actor, claim);
  }

  @Roles('fund_manager')
  @Post(':id/cancel')
  @Idempotent()
  @ApiOperation({
    operationId: 'cancelGrant',
    summary: 'Cancel a grant',
    description: 'Cancels the undisbursed tranches, releasing their commitment and PSC.',
  })
  @ApiCreatedResponse({ type: GrantView })
  cancel(
    @IdParam('id', 'grant') id: string,
    @Body() dto: CancelGrantDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.disbursements.cancel(id, dto, actor, claim);
  }

  @Roles('finance')
  @Post(':id/returns')
  @Idempotent()
  @ApiOperation({
    operationId: 'recordGrantReturn',
    summary: 'Record returned money',
    description: 'Unspent money the grantee returned, back to available with the PSC on it released.',
  })
  @ApiCreatedResponse({ type: ReturnRecordedView })
  addReturn(
    @IdParam('id', 'grant') id: string,
    @Body() dto: ReturnDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.disbursements.addReturn(id, dto, actor, claim);
  }

  @Roles('ngo')
  @Post(':id/reports')
  @ApiOperation({
    operationId: 'submitGrantReport',
    summary: 'Submit a grant report',
    description:
      "A progress or final report: spending and victims assisted as counts only. In a fund's full post-award workflow reports follow the accepted offer and the agreement signed by both sides (the grant's `reporting` says whether one is taken now).",
  })
  @ApiCreatedResponse({ type: GrantReportView })
  @ApiConflictResponse({
    description:
      'The grant is not active, a report awaits a decision, or (full workflow) the offer is not accepted or the agreement not yet signed by both sides (`GRANTS.REPORTING_NOT_OPEN`)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'The report is outside the grant (countries, services, period)',
  })
  submitReport(
    @IdParam('id', 'grant') id: string,
    @Body() dto: GrantReportDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reports.submitReport(id, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/reports/:reportId/accept')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptGrantReport',
    summary: 'Accept a grant report',
    description: 'Accepts a submitted report; tranches due after a report become due.',
  })
  @ApiOkResponse({ type: GrantReportView })
  @ApiConflictResponse({ description: 'The report was decided already' })
  accept(
    @IdParam('id', 'grant') id: string,
    @IdParam('reportId', 'report') reportId: string,
    @Body() dto: ReportDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reports.decideReport(id, reportId, true, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/reports/:reportId/return')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'returnGrantReport',
    summary: 'Return a grant report',
    description: 'Sends a submitted report back to the grantee with a comment.',
  })
  @ApiOkResponse({ type: GrantReportView })
  @ApiConflictResponse({ description: 'The report was decided already' })
  returnReport(
    @IdParam('id', 'grant') id: string,
    @IdParam('reportId', 'report') reportId: string,
    @Body() dto: ReportDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reports.decideReport(id, reportId, false, dto, actor);
  }
}
