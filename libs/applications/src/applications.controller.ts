import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Patch,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/core';
import { ApiFileResponse, IdParam, readUpload } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { attachmentTooLarge, FileRequired } from './applications.errors';
import { contentDisposition } from './domain/application-rules';
import { ApplicationAttachmentsService } from './application-attachments.service';
import { ApplicationQueriesService } from './application-queries.service';
import { ApplicationsService } from './applications.service';
import {
  ApplicationQuery,
  ApplicationView,
  AttachmentView,
  CreateApplicationDto,
  EligibilityDto,
  UpdateApplicationDto,
} from './dto/application.dto';
import { ApplicationPage } from './dto/application.views';
import { BulkEligibilityDto, BulkScreeningView } from './dto/screening.dto';
import { ApplicationScreeningService } from './application-screening.service';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly queries: ApplicationQueriesService,
    private readonly attachments: ApplicationAttachmentsService,
    private readonly screening: ApplicationScreeningService,
  ) {}

  @Roles('ngo')
  @Post('calls/:id/applications')
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiOperation({
    operationId: 'createApplication',
    summary: 'Apply to a call',
    description: "A draft application of the caller's verified organization to an open call.",
  })
  @ApiConflictResponse({ description: 'The organization has an application to this call' })
  @ApiUnprocessableEntityResponse({
    description: 'The call is not open, or the application is outside its rules',
  })
  create(
    @IdParam('id', 'call') callId: string,
    @Body() dto: CreateApplicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationView> {
    return this.applications.create(callId, dto, actor);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'admin')
  @Get('applications')
  @ApiOperation({
    operationId: 'listApplications',
    summary: 'List applications',
    description: 'An NGO sees its own, a reviewer those assigned to it, staff those of their funds.',
  })
  @ApiOkResponse({ type: ApplicationPage })
  list(@Query() query: ApplicationQuery, @CurrentActor() actor: Actor) {
    return this.queries.list(query, actor);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'admin')
  @Get('applications/:id')
  @ApiOkResponse({ type: ApplicationView })
  @ApiOperation({
    operationId: 'getApplication',
    summary: 'Get an application',
    description:
      'One application the caller may see (without the organization for reviewers of a blind call).',
  })
  get(@IdParam('id', 'application') id: string, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.queries.view(id, actor);
  }

  @Roles('ngo')
  @Patch('applications/:id')
  @ApiOperation({
    operationId: 'updateApplication',
    summary: 'Update a draft application',
    description: 'Changes the project, countries, services, victims and budget of a draft.',
  })
  @ApiOkResponse({ type: ApplicationView })
  @ApiConflictResponse({ description: 'The application is not a draft' })
  @ApiUnprocessableEntityResponse({ description: "The application is outside the call's rules" })
  update(
    @IdParam('id', 'application') id: string,
    @Body() dto: UpdateApplicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationView> {
    return this.applications.update(id, dto, actor);
  }

  @Roles('ngo')
  @Post('applications/:id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @ApiOperation({
    operationId: 'submitApplication',
    summary: 'Submit an application',
    description: 'Submits a complete draft while the call is open.',
  })
  @ApiConflictResponse({ description: 'The application is not a draft' })
  @ApiUnprocessableEntityResponse({
    description: "The call is closed, or the application is outside the call's rules",
  })
  submit(@IdParam('id', 'application') id: string, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.applications.submit(id, actor);
  }

  @Roles('ngo')
  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @ApiOperation({
    operationId: 'withdrawApplication',
    summary: 'Withdraw an application',
    description: 'Withdraws a draft or submitted application before a decision.',
  })
  @ApiConflictResponse({ description: 'The application can no longer be withdrawn' })
  withdraw(@IdParam('id', 'application') id: string, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.applications.withdraw(id, actor);
  }

  @Roles('fund_manager')
  @Post('applications/:id/eligibility')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @ApiOperation({
    operationId: 'screenApplication',
    summary: 'Screen an application for eligibility',
    description: 'Marks a submitted application of a closed call eligible or ineligible, with the reason.',
  })
  @ApiConflictResponse({ description: 'The application was screened already' })
  @ApiUnprocessableEntityResponse({ description: 'The call is not closed yet' })
  eligibility(
    @IdParam('id', 'application') id: string,
    @Body() dto: EligibilityDto,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationView> {
    return this.applications.screen(id, dto, actor);
  }

  @Roles('fund_manager')
  @Post('calls/:id/eligibility')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkScreeningView })
  @ApiOperation({
    operationId: 'screenApplications',
    summary: "Screen many of a call's applications at once",
    description:
      'The same verdict and reason for the listed ids, or for every application of the call matching the ' +
      'filter. Each application is screened alone, all or nothing for it (audited as one by one); the ' +
      'answer lists what changed and what was left as it was, with the reason.',
  })
  @ApiBadRequestResponse({ description: 'Neither or both of ids and filter' })
  screenMany(
    @IdParam('id', 'call') callId: string,
    @Body() dto: BulkEligibilityDto,
    @CurrentActor() actor: Actor,
  ): Promise<BulkScreeningView> {
    return this.screening.screenMany(callId, dto, actor);
  }

  /** One file (PDF, DOCX or XLSX, by its bytes), at most 10 MiB, while the application is a draft. */
  @Roles('ngo')
  @Post('applications/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiOperation({
    operationId: 'uploadApplicationAttachment',
    summary: 'Attach a file to a draft application',
    description: 'One PDF, DOCX or XLSX file (checked by its bytes), at most 10 MiB.',
  })
  @ApiConflictResponse({ description: 'The application is not a draft' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 10 MiB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The request is not multipart/form-data' })
  @ApiUnprocessableEntityResponse({ description: 'The file is not a PDF, DOCX or XLSX' })
  async upload(
    @IdParam('id', 'application') id: string,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentView> {
    const { filename, bytes } = await readUpload(req, {
      required: () => new FileRequired(),
      tooLarge: attachmentTooLarge,
    });
    return this.attachments.addAttachment(id, { filename, bytes }, actor);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'admin')
  @Get('applications/:id/attachments/:attachmentId')
  @ApiOperation({
    operationId: 'downloadApplicationAttachment',
    summary: 'Download an attachment',
    description: 'The file as it was uploaded, with its detected media type.',
  })
  @ApiFileResponse([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/octet-stream',
  ])
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  async download(
    @IdParam('id', 'application') id: string,
    @IdParam('attachmentId', 'attachment') attachmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const file = await this.attachments.attachment(id, attachmentId, actor);
    return new StreamableFile(file.content, {
      type: file.mime,
      length: file.content.length,
      disposition: contentDisposition(file.filename),
    });
  }
}
