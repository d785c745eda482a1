import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, AuditService, InvalidInputError, NotFoundError } from '@app/core';
import { ApplicationQueriesService, hidesApplicant } from './application-queries.service';
import { ApplicationsService } from './applications.service';
import { InvalidApplicationState, UnsupportedAttachment } from './applications.errors';
import { ATTACHMENT_TYPES, safeFilename, servedFilename, sniffAttachment } from './domain/application-rules';
import { AttachmentView } from './dto/application.dto';
import { ApplicationsRepository, blindFilename } from './repositories/applications.repository';

const MAX_ATTACHMENTS = 20;

export interface AttachmentFile {
  filename: string | undefined;
  bytes: Buffer;
}

export interface AttachmentDownload {
  filename: string;
  mime: string;
  sha256: string;
  content: Buffer;
}

/** An application's files: uploaded to a draft (recognised by their bytes), downloaded by its readers. */
@Injectable()
export class ApplicationAttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly queries: ApplicationQueriesService,
    private readonly repo: ApplicationsRepository,
    private readonly audit: AuditService,
  ) {}

  async addAttachment(id: string, file: AttachmentFile, actor: Actor): Promise<AttachmentView> {
    const kind = sniffAttachment(file.bytes);
    if (!kind) throw new UnsupportedAttachment();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const filename = safeFilename(file.filename, kind);
    return this.dataSource.transaction(async (em) => {
      const app = await this.applications.lockOwn(em, id, actor);
      if (app.status !== 'draft') throw new InvalidApplicationState(app.status, 'take attachments');
      const n = await this.repo.countAttachments(em, id);
      if (n >= MAX_ATTACHMENTS) throw new InvalidInputError('file', `at most ${MAX_ATTACHMENTS} attachments`);
      const row = await this.repo.insertAttachment(em, {
        applicationId: id,
        filename,
        mime: ATTACHMENT_TYPES[kind],
        bytes: file.bytes,
        sha256,
        uploadedBy: actor.userId,
      });
      await this.audit.record(em, actor, {
        action: 'application.attachment_added',
        entity: 'application',
        entityId: id,
        summary: { attachmentId: row.id, filename, size: file.bytes.length, sha256 },
      });
      return {
        id: row.id,
        filename,
        mime: ATTACHMENT_TYPES[kind],
        size: file.bytes.length,
        sha256,
        createdAt: row.createdAt,
      };
    });
  }

  async attachment(id: string, attachmentId: string, actor: Actor): Promise<AttachmentDownload> {
    const em = this.dataSource.manager;
    const row = await this.queries.readable(em, id, actor);
    const file = await this.repo.attachmentFile(em, id, attachmentId);
    if (!file) throw new NotFoundError('attachment', attachmentId);
    if (hidesApplicant(row, actor)) {
      // The same number the application's view gives it, never the NGO's own file name.
      const n = (await this.repo.attachments(em, [id])).findIndex((f) => f.id === attachmentId) + 1;
      return { ...file, filename: blindFilename(n, file.mime) };
    }
    return { ...file, filename: servedFilename(file.filename, file.mime) };
  }
}
