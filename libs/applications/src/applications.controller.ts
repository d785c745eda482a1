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
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
// Brings @fastify/multipart's request decorations (isMultipart, file) into this file's types.
import type {} from '@fastify/multipart';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { attachmentTooLarge, MultipartRequired } from './applications.errors';
import { contentDisposition } from './domain/application-rules';
import { ApplicationsService } from './applications.service';
import {
  ApplicationQuery,
  ApplicationView,
  AttachmentView,
  CreateApplicationDto,
  EligibilityDto,
  UpdateApplicationDto,
} from './dto/application.dto';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Roles('ngo')
  @Post('calls/:id/applications')
  @ApiCreatedResponse({ type: ApplicationView })
  create(
    @IdParam('id', 'call') callId: string,
    @Body() dto: CreateApplicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationView> {
    return this.applications.create(callId, dto, actor);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'admin')
  @Get('applications')
  list(@Query() query: ApplicationQuery, @CurrentActor() actor: Actor) {
    return this.applications.list(query, actor);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'admin')
  @Get('applications/:id')
  @ApiOkResponse({ type: ApplicationView })
  get(@IdParam('id', 'application') id: string, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.applications.view(id, actor);
  }

  @Roles('ngo')
  @Patch('applications/:id')
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
  submit(@IdParam('id', 'application') id: string, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.applications.submit(id, actor);
  }

  @Roles('ngo')
  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  withdraw(@IdParam('id', 'application') id: string, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    return this.applications.withdraw(id, actor);
  }

  @Roles('fund_manager')
  @Post('applications/:id/eligibility')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  eligibility(
    @IdParam('id', 'application') id: string,
    @Body() dto: EligibilityDto,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationView> {
    return this.applications.screen(id, dto, actor);
  }

  /** One file (PDF, DOCX or XLSX, by its bytes), at most 10 MiB, while the application is a draft. */
  @Roles('ngo')
  @Post('applications/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentView })
  async upload(
    @IdParam('id', 'application') id: string,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentView> {
    if (!req.isMultipart()) throw new MultipartRequired();
    const file = await req.file();
    if (!file) throw new MultipartRequired();
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw attachmentTooLarge();
    return this.applications.addAttachment(id, { filename: file.filename, bytes }, actor);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'admin')
  @Get('applications/:id/attachments/:attachmentId')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOkResponse({
    description: 'the file, named with the extension of its detected type',
    schema: { type: 'string', format: 'binary' },
  })
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  async download(
    @IdParam('id', 'application') id: string,
    @IdParam('attachmentId', 'attachment') attachmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const file = await this.applications.attachment(id, attachmentId, actor);
    return new StreamableFile(file.content, {
      type: file.mime,
      length: file.content.length,
      disposition: contentDisposition(file.filename),
    });
  }
}
