import { Inject, Injectable } from '@nestjs/common';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor, AppConfig } from '@app/core';
import { APP_CONFIG, InvalidInputError, NotFoundError } from '@app/core';
import { attachmentTooLarge, InvalidApplicationState, UnsupportedAttachment } from '../applications.errors';
import { ApplicationAttachmentsService } from '../application-attachments.service';
import { ApplicationQueriesService } from '../application-queries.service';
import type { AttachmentView } from '../dto/application.dto';
import {
  declaredTypeAccepted,
  MAX_ATTACHMENT_BYTES,
  parseUploadMetadata,
  uploadLength,
} from './upload-rules';

/** What one request to the tus server is about: set by the controller, read by the tus hooks. */
interface UploadRequest {
  applicationId: string;
  uploadId?: string;
  finished?: Upload;
}

/** The tus server's answer, and the attachment the upload became if this request completed it. */
export interface TusAnswer {
  response: Response;
  attachment?: AttachmentView;
}

/** An upload left unfinished this long is gone (410): its chunks are deleted at the next clean-up. */
export const UPLOAD_LIFETIME_MS = 24 * 3600_000;
const CLEAN_UP_EVERY_MS = 3600_000;

/** Where an upload is resumed: HEAD for its offset, PATCH to send the rest. */
export const uploadPath = (applicationId: string, uploadId: string) =>
  `/api/applications/${applicationId}/uploads/${uploadId}`;

/**
 * Resumable attachments (tus 1.0 via `@tus/server`, chunks on disk with `@tus/file-store`). The API's own
 * routes authorize each request first (the NGO of a draft application, see the controller); tus then only
 * moves bytes. When the last byte lands, the file is read back and goes through the very same
 * `ApplicationAttachmentsService.addAttachment` as a multipart upload (type by its bytes, safe name, at most 20), and
 * the chunks are deleted whether it was accepted or not: a refused file leaves nothing behind.
 */
@Injectable()
export class UploadsService {
  private server?: Server;
  private lastCleanUp = 0;
  private readonly requests = new WeakMap<object, UploadRequest>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queries: ApplicationQueriesService,
    private readonly attachments: ApplicationAttachmentsService,
  ) {}

  /** 404 unless the caller's organization owns the application; 409 unless it is a draft. */
  async assertDraft(applicationId: string, actor: Actor): Promise<void> {
    const app = await this.queries.view(applicationId, actor);
    if (app.organizationId !== actor.organizationId) throw new NotFoundError('application', applicationId);
    if (app.status !== 'draft') throw new InvalidApplicationState(app.status, 'take attachments');
  }

  /** What a creation request (POST) must say before anything is stored: its length and, if given, a type we take. */
  checkCreation(headers: { length?: string; deferLength?: string; metadata?: string }): void {
    if (headers.deferLength !== undefined)
      throw new InvalidInputError(
        'Upload-Defer-Length',
        'the length of the file must be known (Upload-Length)',
      );
    const length = uploadLength(headers.length);
    if (length === null)
      throw new InvalidInputError('Upload-Length', 'Upload-Length must be the size of the file in bytes');
    if (length > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge();
    const metadata = parseUploadMetadata(headers.metadata);
    if (!metadata)
      throw new InvalidInputError('Upload-Metadata', 'Upload-Metadata is not valid tus metadata');
    if (!declaredTypeAccepted(metadata.filetype)) throw new UnsupportedAttachment();
    this.cleanUpNowAndThen();
  }

  /** Deletes abandoned uploads at most once an hour, when a new one starts (no timer to keep alive). */
  private cleanUpNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = now;
    void this.tus()
      .cleanUpExpiredUploads()
      .catch(() => undefined);
  }

  /** 404 unless the upload exists and was started for this application. */
  async assertUploadOf(applicationId: string, uploadId: string): Promise<void> {
    let upload: Upload;
    try {
      upload = await this.tus().datastore.getUpload(uploadId);
    } catch {
      throw new NotFoundError('upload', uploadId);
    }
    if (upload.metadata?.applicationId !== applicationId) throw new NotFoundError('upload', uploadId);
  }

  /**
   * Hands one authorized request to the tus server. If it completed the upload, the file becomes an
   * attachment here (or the refusal is thrown: 422 for bytes that are no PDF, DOCX or XLSX).
   */
  async handle(request: Request, about: UploadRequest, actor: Actor): Promise<TusAnswer> {
    this.requests.set(request, about);
    const response = await this.tus().handleWeb(request);
    if (!about.finished) return { response };
    const upload = about.finished;
    try {
      const bytes = await readFile(join(this.config.uploadsDir, upload.id));
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge();
      const filename = upload.metadata?.filename ?? undefined;
      const attachment = await this.attachments.addAttachment(
        about.applicationId,
        { filename, bytes },
        actor,
      );
      return { response, attachment };
    } finally {
      await this.tus()
        .datastore.remove(upload.id)
        .catch(() => undefined);
    }
  }

  private tus(): Server {
    this.server ??= new Server({
      path: '/api/applications/uploads',
      datastore: new FileStore({
        directory: this.config.uploadsDir,
        expirationPeriodInMilliseconds: UPLOAD_LIFETIME_MS,
      }),
      maxSize: MAX_ATTACHMENT_BYTES,
      // same origin only: no Access-Control-* headers for other sites
      allowedOrigins: () => false,
      namingFunction: () => randomUUID(),
      generateUrl: (req, { id }) => uploadPath(this.about(req).applicationId, id),
      getFileIdFromRequest: (req) => this.about(req).uploadId,
      onUploadCreate: async (req, upload) => ({
        // the server's own record of whose upload this is (the client cannot choose it)
        metadata: { ...upload.metadata, applicationId: this.about(req).applicationId },
      }),
      onUploadFinish: async (req, upload) => {
        this.about(req).finished = upload;
        return {};
      },
    });
    return this.server;
  }

  private about(req: object): UploadRequest {
    const about = this.requests.get(req);
    if (!about) throw new Error('a tus request reached the server without its authorization');
    return about;
  }
}
