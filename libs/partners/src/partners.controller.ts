import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/core';
import { ApiFileResponse, IdParam, PayloadTooLarge, readUpload, RequestInvalid } from '@app/core';
import { contentDisposition } from '@app/applications';
import { CurrentActor, Roles } from '@app/identity';
import { DocumentsService } from './documents.service';
import { PartnersQuery, ReasonDto, UpdatePartnerProfileDto } from './dto/profile.dto';
import { AssessmentDto, FundSettingsDto, ObservationActionDto, ObservationDto } from './dto/risk.dto';
import { assertReadable } from './partner-access';
import {
  AssessmentView,
  DocumentView,
  DueDiligenceView,
  FundSettingsView,
  HitView,
  ObservationView,
  PartnerSummaryPage,
  ProfileView,
} from './partner.views';
import { PartnersListService } from './partners-list.service';
import { ProfilesService } from './profiles.service';
import { RiskService } from './risk.service';
import { ScreeningService } from './screening.service';

export const FILE_REQUIRED = () =>
  new RequestInvalid([{ field: 'file', messages: ['a file is required (multipart/form-data)'] }]);

@ApiTags('partners')
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly documents: DocumentsService,
    private readonly screening: ScreeningService,
    private readonly risk: RiskService,
    private readonly list: PartnersListService,
  ) {}

  @Roles('fund_manager', 'finance', 'admin')
  @Get()
  @ApiOperation({
    operationId: 'listPartners',
    summary: 'Organizations and where their due diligence stands',
    description:
      "Registered NGOs, newest first (as GET /api/organizations), each with its due-diligence verification, completeness, open and confirmed screening hits, pending bank change, red flags, duplicates and its current rating in the reader's funds.",
  })
  @ApiOkResponse({ type: PartnerSummaryPage })
  partners(@Query() query: PartnersQuery, @CurrentActor() actor: Actor) {
    return this.list.list(query, actor);
  }

  @Roles('ngo', 'fund_manager', 'finance', 'admin')
  @Get(':organizationId/profile')
  @ApiOperation({
    operationId: 'getPartnerProfile',
    summary: "An organization's due-diligence profile",
    description:
      'Its own for an NGO member (another organization is 404); any for staff. With what it lacks.',
  })
  @ApiOkResponse({ type: ProfileView })
  profile(
    @IdParam('organizationId', 'organization') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ProfileView> {
    return this.profiles.get(id, actor);
  }

  @Roles('ngo')
  @Patch(':organizationId/profile')
  @ApiOperation({
    operationId: 'updatePartnerProfile',
    summary: "Save part of the organization's profile",
    description:
      'Absent fields keep their value (the wizard saves each step). IBAN and SWIFT/BIC are checked; a change of bank details after verification suspends payments until a fund manager approves it.',
  })
  @ApiOkResponse({ type: ProfileView })
  update(
    @IdParam('organizationId', 'organization') id: string,
    @Body() dto: UpdatePartnerProfileDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProfileView> {
    return this.profiles.update(id, dto, actor);
  }

  @Roles('ngo')
  @Post(':organizationId/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'type', 'issuedOn'],
      properties: {
        type: {
          type: 'string',
          enum: [
            'registration_certificate',
            'statutes',
            'audited_financials',
            'psea_policy',
            'bank_letter',
            'other',
          ],
        },
        issuedOn: { type: 'string', format: 'date' },
        expiresOn: { type: 'string', format: 'date' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({
    operationId: 'uploadPartnerDocument',
    summary: 'Add a due-diligence document',
    description: 'One PDF, DOCX or XLSX file (checked by its bytes), at most 10 MiB; fields before the file.',
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 10 MiB' })
  @ApiUnprocessableEntityResponse({ description: 'The file is not a PDF, DOCX or XLSX' })
  async upload(
    @IdParam('organizationId', 'organization') id: string,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentView> {
    const upload = await readUpload(req, {
      required: FILE_REQUIRED,
      tooLarge: () => new PayloadTooLarge('Documents are at most 10 MiB'),
    });
    return this.documents.add(id, upload, actor);
  }

  @Roles('ngo', 'fund_manager', 'finance', 'admin')
  @Get(':organizationId/documents/:documentId')
  @ApiOperation({
    operationId: 'downloadPartnerDocument',
    summary: 'Download a document',
    description: 'As uploaded.',
  })
  @ApiFileResponse([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ])
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  async download(
    @IdParam('organizationId', 'organization') id: string,
    @IdParam('documentId', 'document') documentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const d = await this.documents.download(id, documentId, actor);
    return new StreamableFile(d.content, {
      type: d.mime,
      length: d.content.length,
      disposition: contentDisposition(d.filename),
    });
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':organizationId/due-diligence')
  @ApiOperation({
    operationId: 'getDueDiligence',
    summary: "The verifier's view of an organization",
    description:
      'Profile and checklist, documents, screening hits, risk history, observations and duplicates.',
  })
  @ApiOkResponse({ type: DueDiligenceView })
  async dueDiligence(
    @IdParam('organizationId', 'organization') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<DueDiligenceView> {
    assertReadable(actor, id);
    const profile = await this.profiles.get(id, actor);
    const [hits, assessments, observations, duplicates] = await Promise.all([
      this.screening.hits(id),
      this.risk.assessments(id, actor),
      this.risk.observations(id),
      this.profiles.duplicates(id),
    ]);
    const clear =
      !hits.some((h) => h.status !== 'cleared') &&
      !observations.some((o) => o.status === 'open' && o.level === 'red') &&
      !profile.pendingBank;
    const o = await this.profiles.organization(id);
    const organization = {
      id: o.id,
      name: o.name,
      country: o.country,
      registrationNumber: o.registrationNumber,
      verified: o.verified,
    };
    return { organization, profile, hits, assessments, observations, duplicates, clear };
  }

  @Roles('fund_manager', 'admin')
  @Post(':organizationId/verify')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyDueDiligence',
    summary: "Verify the organization's due diligence",
    description:
      'Needs a complete profile with its documents, no open or confirmed sanctions hit and no pending bank change. Funds that require due diligence accept submissions for the years their setting says.',
  })
  @ApiOkResponse({ type: ProfileView })
  @ApiUnprocessableEntityResponse({ description: 'The profile is not complete (each missing field named)' })
  @ApiConflictResponse({ description: 'A sanctions hit is open or confirmed, or a bank change waits' })
  verify(
    @IdParam('organizationId', 'organization') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ProfileView> {
    return this.profiles.verify(id, actor);
  }

  @Roles('fund_manager', 'admin')
  @Post(':organizationId/bank-change/approve')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'approveBankChange',
    summary: 'Approve a change of bank details',
    description: 'The new account becomes the account and payments resume.',
  })
  @ApiOkResponse({ type: ProfileView })
  @ApiConflictResponse({ description: 'No change waits' })
  approveBank(
    @IdParam('organizationId', 'organization') id: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProfileView> {
    return this.profiles.decideBankChange(id, true, dto.reason, actor);
  }

  @Roles('fund_manager', 'admin')
  @Post(':organizationId/bank-change/reject')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rejectBankChange',
    summary: 'Reject a change of bank details',
    description: 'The account approved before stays; payments resume to it.',
  })
  @ApiOkResponse({ type: ProfileView })
  @ApiConflictResponse({ description: 'No change waits' })
  rejectBank(
    @IdParam('organizationId', 'organization') id: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProfileView> {
    return this.profiles.decideBankChange(id, false, dto.reason, actor);
  }

  @Roles('fund_manager', 'admin')
  @Post('hits/:hitId/clear')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'clearScreeningHit',
    summary: 'Clear a screening hit as a false positive',
    description: 'With a reason; the same list entry and name are not raised again.',
  })
  @ApiOkResponse({ type: HitView })
  @ApiConflictResponse({ description: 'The hit is already cleared or confirmed' })
  clear(@IdParam('hitId', 'screening_hit') id: string, @Body() dto: ReasonDto, @CurrentActor() actor: Actor) {
    return this.screening.resolve(id, 'cleared', dto.reason, actor);
  }

  @Roles('fund_manager', 'admin')
  @Post('hits/:hitId/confirm')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmScreeningHit',
    summary: 'Confirm a screening hit',
    description: 'The organization is then blocked: no verification, submission, award or payment.',
  })
  @ApiOkResponse({ type: HitView })
  @ApiConflictResponse({ description: 'The hit is already cleared or confirmed' })
  confirm(
    @IdParam('hitId', 'screening_hit') id: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.screening.resolve(id, 'confirmed', dto.reason, actor);
  }

  @Roles('fund_manager', 'admin')
  @Post(':organizationId/assessments')
  @ApiOperation({
    operationId: 'assessPartner',
    summary: 'Record a capacity assessment',
    description:
      "Weighted answers give a score; the fund's thresholds make it low, medium, high or not eligible.",
  })
  @ApiCreatedResponse({ type: AssessmentView })
  assess(
    @IdParam('organizationId', 'organization') id: string,
    @Body() dto: AssessmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AssessmentView> {
    return this.risk.assess(id, dto, actor);
  }

  @Roles('fund_manager', 'admin')
  @Post(':organizationId/observations')
  @ApiOperation({
    operationId: 'raiseObservation',
    summary: 'Raise an observation',
    description: 'Yellow or red; an open red flag blocks new awards.',
  })
  @ApiCreatedResponse({ type: ObservationView })
  observe(
    @IdParam('organizationId', 'organization') id: string,
    @Body() dto: ObservationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObservationView> {
    return this.risk.observe(id, dto, actor);
  }

  @Roles('fund_manager', 'admin')
  @Post('observations/:observationId')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'actOnObservation',
    summary: 'Escalate (yellow to red) or resolve an observation',
    description: 'Each step is kept in its history.',
  })
  @ApiOkResponse({ type: ObservationView })
  @ApiConflictResponse({ description: 'The observation is resolved or already red' })
  act(
    @IdParam('observationId', 'observation') id: string,
    @Body() dto: ObservationActionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObservationView> {
    return this.risk.actOnObservation(id, dto, actor);
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get('fund-settings/:fundId')
  @ApiOperation({
    operationId: 'getPartnerFundSettings',
    summary: "A fund's due-diligence settings",
    description: 'Defaults (due diligence not required, 5 years) until set.',
  })
  @ApiOkResponse({ type: FundSettingsView })
  settings(
    @IdParam('fundId', 'fund') fundId: string,
    @CurrentActor() actor: Actor,
  ): Promise<FundSettingsView> {
    return this.risk.settings(fundId, actor);
  }

  @Roles('fund_manager', 'admin')
  @Put('fund-settings/:fundId')
  @ApiOperation({
    operationId: 'setPartnerFundSettings',
    summary: "Set a fund's due-diligence settings",
    description:
      'Whether a verified profile is required, its validity, risk thresholds, maximum awards, report frequency.',
  })
  @ApiOkResponse({ type: FundSettingsView })
  saveSettings(
    @IdParam('fundId', 'fund') fundId: string,
    @Body() dto: FundSettingsDto,
    @CurrentActor() actor: Actor,
  ): Promise<FundSettingsView> {
    return this.risk.saveSettings(fundId, dto, actor);
  }
}
