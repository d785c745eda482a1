import { Body, Controller, Get, HttpCode, Post, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor, IdempotencyClaim } from '@app/core';
import {
  ApiFileResponse,
  IdParam,
  Idempotent,
  IdempotencyKey,
  NotFoundError,
  RequestInvalid,
} from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { AgreementSigningService } from './agreement-signing.service';
import { AmendmentsService } from './amendments.service';
import { AssuranceService } from './assurance.service';
import { OffersService } from './offers.service';
import { PostAwardQueriesService } from './post-award-queries.service';
import {
  AcceptOfferDto,
  AmendmentDecisionDto,
  AmendmentDto,
  AssuranceDto,
  CompleteAssuranceDto,
  PostAwardSettingsDto,
  OfferNoteDto,
  ReceiveRefundDto,
  SignAgreementDto,
} from './post-award.dto';
import { PostAwardSettingsView, PostAwardView } from './post-award.views';

const STAFF_AND_NGO = ['ngo', 'fund_manager', 'finance', 'admin'] as const;

function versionNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d{0,4}$/.test(raw)) throw new NotFoundError('resource', `agreement version ${raw}`);
  return Number(raw);
}

/** After the award (ADR 0012): the offer, the agreement's signatures, amendments, assurance and close-out. */
@ApiTags('grants')
@Controller('grants')
export class PostAwardController {
  constructor(
    private readonly queries: PostAwardQueriesService,
    private readonly offers: OffersService,
    private readonly signing: AgreementSigningService,
    private readonly amendments: AmendmentsService,
    private readonly assurance: AssuranceService,
  ) {}

  @Roles(...STAFF_AND_NGO)
  @Get(':id/post-award')
  @ApiOperation({
    operationId: 'getGrantPostAward',
    summary: 'The grant after the award',
    description:
      'Offer, agreement versions and signatures, budget with spending and variance, amendments, report schedule, assurance, refunds and what is still open.',
  })
  @ApiOkResponse({ type: PostAwardView })
  get(@IdParam('id', 'grant') id: string, @CurrentActor() actor: Actor) {
    return this.queries.get(id, actor);
  }

  @Roles('ngo')
  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptGrantOffer',
    summary: 'Accept the award',
    description:
      "The grantee accepts, naming the agreement's language and signatory; the agreement is generated.",
  })
  @ApiOkResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/offer-state' })
  @ApiUnprocessableEntityResponse({ description: '/problems/invalid-signatory' })
  accept(@IdParam('id', 'grant') id: string, @Body() dto: AcceptOfferDto, @CurrentActor() actor: Actor) {
    return this.offers.accept(id, dto, actor);
  }

  @Roles('ngo')
  @Post(':id/decline')
  @Idempotent()
  @ApiOperation({
    operationId: 'declineGrantOffer',
    summary: 'Decline the award',
    description: 'The award and its PSC go back to the fund’s available balance.',
  })
  @ApiCreatedResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/offer-state' })
  decline(
    @IdParam('id', 'grant') id: string,
    @Body() dto: OfferNoteDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.offers.decline(id, dto, actor, claim);
  }

  @Roles('fund_manager')
  @Post(':id/withdraw')
  @Idempotent()
  @ApiOperation({
    operationId: 'withdrawGrantOffer',
    summary: 'Withdraw an offer',
    description: 'Before the grantee accepts: the award and its PSC go back to available.',
  })
  @ApiCreatedResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/offer-state' })
  withdraw(
    @IdParam('id', 'grant') id: string,
    @Body() dto: OfferNoteDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.offers.withdraw(id, dto, actor, claim);
  }

  @Roles(...STAFF_AND_NGO)
  @Get(':id/agreement')
  @ApiOperation({
    operationId: 'getGrantAgreement',
    summary: 'The agreement PDF',
    description:
      'The current version (or `version`) as generated: its SHA-256 is in the post-award view and is what ' +
      'each party signs. With `copy=signed`, a copy of that version carrying the signatures recorded on it ' +
      '(who, when, from which address, the hash signed); not the bytes the hash identifies.',
  })
  @ApiQuery({ name: 'version', required: false, type: 'integer' })
  @ApiQuery({ name: 'copy', required: false, enum: ['signed'] })
  @ApiFileResponse(['application/pdf'], { description: 'The agreement' })
  async agreement(
    @IdParam('id', 'grant') id: string,
    @CurrentActor() actor: Actor,
    @Query('version') version?: string,
    @Query('copy') copy?: string,
  ): Promise<StreamableFile> {
    if (copy !== undefined && copy !== 'signed')
      throw new RequestInvalid([{ field: 'copy', messages: ['copy must be signed'] }]);
    const signed = copy === 'signed';
    const { pdf, version: n } = await this.signing.pdf(id, versionNumber(version), actor, signed);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="agreement-${id}-v${n}${signed ? '-signed' : ''}.pdf"`,
    });
  }

  @Roles('ngo')
  @Post(':id/agreement/sign')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'signGrantAgreementAsGrantee',
    summary: "The grantee's signature",
    description: 'The named signatory signs the current version, naming the SHA-256 read.',
  })
  @ApiOkResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/agreement-changed or /problems/signature-missing' })
  async signAsGrantee(
    @IdParam('id', 'grant') id: string,
    @Body() dto: SignAgreementDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.signing.signAsGrantee(id, dto, actor);
    return this.queries.get(id, actor);
  }

  @Roles('ngo')
  @Post(':id/amendments')
  @ApiOperation({
    operationId: 'requestGrantAmendment',
    summary: 'Request an amendment',
    description:
      'No-cost extension, budget revision (a move of at most 20% of a line is recorded at once) or cost extension.',
  })
  @ApiCreatedResponse({ type: PostAwardView })
  @ApiUnprocessableEntityResponse({
    description: '/problems/invalid-amendment or /problems/cost-extension-cap',
  })
  requestAmendment(
    @IdParam('id', 'grant') id: string,
    @Body() dto: AmendmentDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.amendments.request(id, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/amendments/:amendmentId/approve')
  @Idempotent()
  @ApiOperation({
    operationId: 'approveGrantAmendment',
    summary: 'Approve an amendment',
    description: 'A cost extension commits its money and PSC in the ledger (insufficient funds: 409).',
  })
  @ApiCreatedResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/amendment-state or /problems/insufficient-funds' })
  approveAmendment(
    @IdParam('id', 'grant') id: string,
    @IdParam('amendmentId') amendmentId: string,
    @Body() dto: AmendmentDecisionDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.amendments.decide(id, amendmentId, true, dto, actor, claim);
  }

  @Roles('fund_manager')
  @Post(':id/amendments/:amendmentId/reject')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rejectGrantAmendment',
    summary: 'Reject an amendment',
    description: 'The amendment stays on record as rejected; nothing else changes.',
  })
  @ApiOkResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/amendment-state' })
  rejectAmendment(
    @IdParam('id', 'grant') id: string,
    @IdParam('amendmentId') amendmentId: string,
    @Body() dto: AmendmentDecisionDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.amendments.decide(id, amendmentId, false, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/assurance')
  @ApiOperation({
    operationId: 'planGrantAssurance',
    summary: 'Plan a spot check, monitoring visit or audit',
    description:
      'Date and who; an audit may name the (final) report it audits. An open audit blocks close-out.',
  })
  @ApiCreatedResponse({ type: PostAwardView })
  planAssurance(@IdParam('id', 'grant') id: string, @Body() dto: AssuranceDto, @CurrentActor() actor: Actor) {
    return this.assurance.plan(id, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/assurance/:activityId/complete')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'completeGrantAssurance',
    summary: 'Record findings',
    description: 'Findings with severity and action points; ineligible costs become a refund owed.',
  })
  @ApiOkResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/assurance-state' })
  completeAssurance(
    @IdParam('id', 'grant') id: string,
    @IdParam('activityId') activityId: string,
    @Body() dto: CompleteAssuranceDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.assurance.complete(id, activityId, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/action-points/:pointId/close')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'closeGrantActionPoint',
    summary: 'Close an action point',
    description: 'An open action point blocks close-out.',
  })
  @ApiOkResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/assurance-state' })
  closeActionPoint(
    @IdParam('id', 'grant') id: string,
    @IdParam('pointId') pointId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.assurance.closeActionPoint(id, pointId, actor);
  }

  @Roles('finance')
  @Post(':id/refunds/:refundId/receive')
  @Idempotent()
  @ApiOperation({
    operationId: 'receiveGrantRefund',
    summary: 'A refund received',
    description: 'Recorded as a return: back to available, with the PSC charged on it released.',
  })
  @ApiCreatedResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/assurance-state' })
  receiveRefund(
    @IdParam('id', 'grant') id: string,
    @IdParam('refundId') refundId: string,
    @Body() dto: ReceiveRefundDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ) {
    return this.assurance.receiveRefund(id, refundId, dto, actor, claim);
  }

  @Roles('fund_manager')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'closeGrant',
    summary: 'Close out the grant',
    description: 'Closes only when nothing is open; 409 /problems/close-out-blocked lists what is.',
  })
  @ApiOkResponse({ type: PostAwardView })
  @ApiConflictResponse({ description: '/problems/close-out-blocked' })
  close(@IdParam('id', 'grant') id: string, @CurrentActor() actor: Actor) {
    return this.assurance.close(id, actor);
  }
}

@ApiTags('grants')
@Controller('funds')
export class PostAwardSettingsController {
  constructor(private readonly offers: OffersService) {}

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/post-award-settings')
  @ApiOperation({
    operationId: 'getFundPostAwardSettings',
    summary: "The fund's agreement workflow",
    description:
      'simple (the fund manager signs alone) or full (acceptance, grantee signature, countersignature).',
  })
  @ApiOkResponse({ type: PostAwardSettingsView })
  settings(@IdParam('id', 'fund') id: string, @CurrentActor() actor: Actor) {
    return this.offers.settings(id, actor);
  }

  @Roles('fund_manager')
  @Put(':id/post-award-settings')
  @ApiOperation({
    operationId: 'putFundPostAwardSettings',
    summary: "Set the fund's agreement workflow",
    description: 'Applies to grants approved from now on; funds start with the simple workflow.',
  })
  @ApiOkResponse({ type: PostAwardSettingsView })
  saveSettings(
    @IdParam('id', 'fund') id: string,
    @Body() dto: PostAwardSettingsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.offers.saveSettings(id, dto, actor);
  }
}
