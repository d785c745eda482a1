import { Controller, Head, Headers, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { UploadView } from './upload.view';
import { TusAnswer, uploadPath, UploadsService } from './uploads.service';
import { copyTusHeaders, tusRefusal, webRequest } from './tus-http';

const TUS_RESUMABLE = { name: 'Tus-Resumable', required: true, description: 'The tus version: 1.0.0' };
const OFFSET_HEADERS = {
  'Upload-Offset': { description: 'Bytes received so far', schema: { type: 'integer' } },
  'Tus-Resumable': { description: 'The tus version spoken', schema: { type: 'string' } },
};

/**
 * Resumable attachments over tus 1.0 (https://tus.io/protocols/resumable-upload): create an upload with
 * its length, send the bytes in one or more PATCH requests, and after a broken connection ask HEAD for
 * the offset and go on from there. Only the NGO of a draft application may upload; the finished file is
 * checked by its bytes like `POST /api/applications/:id/attachments` and becomes an attachment.
 */
@ApiTags('applications')
@Controller()
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Roles('ngo')
  @Post('applications/:id/uploads')
  @ApiOperation({
    operationId: 'createApplicationUpload',
    summary: 'Start a resumable upload (tus)',
    description:
      'tus creation: Upload-Length (at most 10 MiB) and Upload-Metadata (filename, filetype, base64). ' +
      'A declared type other than PDF, DOCX or XLSX is refused before any byte is sent. ' +
      'Answers 201 with the Location to send the bytes to.',
  })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Length', required: true, description: 'The size of the file in bytes' })
  @ApiHeader({ name: 'Upload-Metadata', required: false, description: 'tus metadata: filename, filetype' })
  @ApiCreatedResponse({
    type: UploadView,
    headers: { Location: { description: 'The upload URL', schema: { type: 'string' } } },
  })
  @ApiConflictResponse({ description: 'The application is not a draft' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 10 MiB' })
  @ApiUnprocessableEntityResponse({ description: 'The declared type is not PDF, DOCX or XLSX' })
  async create(
    @IdParam('id', 'application') id: string,
    @Headers('upload-length') length: string | undefined,
    @Headers('upload-defer-length') deferLength: string | undefined,
    @Headers('upload-metadata') metadata: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.uploads.assertDraft(id, actor);
    this.uploads.checkCreation({ length, deferLength, metadata });
    const answer = await this.uploads.handle(webRequest(req), { applicationId: id }, actor);
    const location = answer.response.headers.get('location');
    const uploadId = location?.split('/').pop();
    if (answer.response.status !== 201 || !location || !uploadId)
      throw await tusRefusal(answer.response, undefined);
    await this.send(reply, 201, answer, this.view(id, uploadId, answer, Number(length)));
  }

  @Roles('ngo')
  @Head('applications/:id/uploads/:uploadId')
  @ApiOperation({
    operationId: 'getApplicationUploadOffset',
    summary: 'Where a resumable upload stands (tus)',
    description: 'tus HEAD: Upload-Offset (bytes received) and Upload-Length, to resume after a break.',
  })
  @ApiHeader(TUS_RESUMABLE)
  @ApiNoContentResponse({
    description: 'Upload-Offset and Upload-Length in the headers',
    headers: {
      ...OFFSET_HEADERS,
      'Upload-Length': { description: 'The size of the file', schema: { type: 'integer' } },
    },
  })
  @ApiConflictResponse({ description: 'The application is not a draft' })
  async offset(
    @IdParam('id', 'application') id: string,
    @IdParam('uploadId', 'upload') uploadId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.uploads.assertDraft(id, actor);
    await this.uploads.assertUploadOf(id, uploadId);
    const answer = await this.uploads.handle(webRequest(req), { applicationId: id, uploadId }, actor);
    if (answer.response.status >= 300) throw await tusRefusal(answer.response, uploadId);
    await this.send(reply, 204, answer);
  }

  @Roles('ngo')
  @Patch('applications/:id/uploads/:uploadId')
  @ApiOperation({
    operationId: 'sendApplicationUploadChunk',
    summary: 'Send bytes of a resumable upload (tus)',
    description:
      'tus PATCH from Upload-Offset. 204 while bytes are missing; with the last byte the file is checked ' +
      'by its bytes (PDF, DOCX or XLSX) and the answer is 200 with the attachment it became.',
  })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Offset', required: true, description: 'Where these bytes start' })
  @ApiConsumes('application/offset+octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({
    type: UploadView,
    description: 'The last byte arrived: the attachment',
    headers: OFFSET_HEADERS,
  })
  @ApiNoContentResponse({ description: 'Bytes stored; more are expected', headers: OFFSET_HEADERS })
  @ApiConflictResponse({ description: 'Upload-Offset is not where the upload stands, or not a draft' })
  @ApiPayloadTooLargeResponse({ description: 'More bytes than the declared length' })
  @ApiUnprocessableEntityResponse({
    description: 'The whole file is not a PDF, DOCX or XLSX (the upload is discarded)',
  })
  async sendBytes(
    @IdParam('id', 'application') id: string,
    @IdParam('uploadId', 'upload') uploadId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.uploads.assertDraft(id, actor);
    await this.uploads.assertUploadOf(id, uploadId);
    const answer = await this.uploads.handle(webRequest(req), { applicationId: id, uploadId }, actor);
    if (answer.response.status >= 300) throw await tusRefusal(answer.response, uploadId);
    if (!answer.attachment) return this.send(reply, 204, answer);
    const size = answer.attachment.size;
    await this.send(reply, 200, answer, this.view(id, uploadId, answer, size));
  }

  private view(id: string, uploadId: string, answer: TusAnswer, size: number): UploadView {
    return {
      id: uploadId,
      location: uploadPath(id, uploadId),
      offset: Number(answer.response.headers.get('upload-offset') ?? (answer.attachment ? size : 0)),
      size,
      attachment: answer.attachment ?? null,
    };
  }

  private async send(reply: FastifyReply, status: number, answer: TusAnswer, body?: UploadView) {
    copyTusHeaders(answer.response, reply);
    void reply.status(status);
    if (body)
      await reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
    else await reply.send();
  }
}
