import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, AuditService, Clock, FieldProblem, NotFoundError, RequestInvalid } from '@app/core';
import { ATTACHMENT_TYPES, safeFilename, sniffAttachment } from '@app/applications';
import { OrganizationsService } from '@app/identity';
import { DOCUMENT_TYPES, DocumentType } from './domain/profile';
import { assertOwn, assertReadable, isoDay } from './partner-access';
import { DocumentView } from './partner.views';
import { UnsupportedDocument } from './partners.errors';
import { ProfilesRepository } from './repositories/profiles.repository';
import { toDocumentView } from './profiles.service';

export interface DocumentUpload {
  filename: string | undefined;
  bytes: Buffer;
  fields: Record<string, string | undefined>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string | undefined) =>
  Boolean(s && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

/**
 * Due-diligence documents by type with issue and expiry dates: checked by their bytes and size as
 * application attachments are (PDF, DOCX, XLSX; 10 MiB), stored in the database beside them.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ProfilesRepository,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async add(organizationId: string, file: DocumentUpload, actor: Actor): Promise<DocumentView> {
    assertOwn(actor, organizationId);
    const { type, issuedOn, expiresOn } = file.fields;
    const problems: FieldProblem[] = [];
    if (!type || !(DOCUMENT_TYPES as readonly string[]).includes(type))
      problems.push({ field: 'type', messages: [`type must be one of ${DOCUMENT_TYPES.join(', ')}`] });
    if (!validDay(issuedOn))
      problems.push({ field: 'issuedOn', messages: ['issuedOn must be a date (YYYY-MM-DD)'] });
    if (expiresOn && !validDay(expiresOn))
      problems.push({ field: 'expiresOn', messages: ['expiresOn must be a date (YYYY-MM-DD)'] });
    if (validDay(issuedOn) && expiresOn && validDay(expiresOn) && expiresOn <= issuedOn!)
      problems.push({ field: 'expiresOn', messages: ['expiresOn must be after issuedOn'] });
    if (problems.length) throw new RequestInvalid(problems);
    const kind = sniffAttachment(file.bytes);
    if (!kind) throw new UnsupportedDocument();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const filename = safeFilename(file.filename, kind);
    return this.dataSource.transaction(async (em) => {
      if (!(await this.organizations.findIn(em, organizationId)))
        throw new NotFoundError('organization', organizationId);
      const d = await this.repo.insertDocument(em, {
        organizationId,
        type: type as DocumentType,
        filename,
        mime: ATTACHMENT_TYPES[kind],
        size: file.bytes.length,
        sha256,
        content: file.bytes,
        issuedOn: issuedOn!,
        expiresOn: expiresOn || null,
        uploadedBy: actor.userId,
      });
      await this.audit.record(em, actor, {
        action: 'partner.document-added',
        entity: 'organization',
        entityId: organizationId,
        summary: { documentId: d.id, type, filename, size: d.size, sha256, issuedOn, expiresOn: d.expiresOn },
      });
      return toDocumentView(d, isoDay(this.clock.now()));
    });
  }

  async download(organizationId: string, id: string, actor: Actor) {
    assertReadable(actor, organizationId);
    const d = await this.repo.documentContent(this.dataSource.manager, organizationId, id);
    if (!d) throw new NotFoundError('document', id);
    return d;
  }
}
