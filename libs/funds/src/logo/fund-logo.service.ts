import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  inspectLetterheadImage,
  NotFoundError,
  PayloadTooLarge,
} from '@app/core';
import { FundsService } from '../funds.service';
import { UnsupportedLogo } from '../funds.errors';
import { FundLogo, FundLogoRepository } from './fund-logo.repository';
import { FundLogoView } from './fund-logo.views';
import { LOGO_MAX_BYTES, logoSizeProblem } from './logo-rules';

const toView = (l: FundLogo): FundLogoView => ({
  fundId: l.fundId,
  mime: l.mime,
  width: l.width,
  height: l.height,
  size: l.size,
  sha256: l.sha256,
  uploadedAt: l.uploadedAt.toISOString(),
});

/**
 * The fund's logo on the letterhead of its receipts, statements and agreements (issue 22). The upload is
 * checked by its bytes (a PNG or JPEG the PDF library can embed, within the size limits) before anything
 * is written; each change is audited with the image's SHA-256.
 */
@Injectable()
export class FundLogoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funds: FundsService,
    private readonly logos: FundLogoRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async put(fundId: string, bytes: Buffer, actor: Actor): Promise<FundLogoView> {
    await this.funds.get(fundId, actor);
    if (bytes.length > LOGO_MAX_BYTES) throw new PayloadTooLarge('A logo is at most 512 KiB');
    const image = await inspectLetterheadImage(bytes);
    if (!image) throw new UnsupportedLogo('The logo must be a PNG or JPEG image (recognised by its bytes)');
    const problem = logoSizeProblem(image.width, image.height);
    if (problem) throw new UnsupportedLogo(problem);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.dataSource.transaction(async (em) => {
      const logo = {
        fundId,
        ...image,
        sha256,
        uploadedAt: this.clock.now(),
        content: bytes,
        uploadedBy: actor.userId,
      };
      const before = await this.logos.put(em, logo);
      await this.audit.record(em, actor, {
        action: before ? 'fund.logo-replaced' : 'fund.logo-uploaded',
        entity: 'fund',
        entityId: fundId,
        summary: { ...image, size: bytes.length, sha256, replaced: before?.sha256 ?? null },
      });
      return toView({ ...logo, size: bytes.length });
    });
  }

  /** The logo's bytes, for whoever may see the fund; 404 when the fund has none. */
  async content(fundId: string, actor: Actor): Promise<{ content: Buffer; mime: string; sha256: string }> {
    await this.funds.get(fundId, actor);
    const logo = await this.logos.content(this.dataSource.manager, fundId);
    if (!logo) throw new NotFoundError('resource', `fund ${fundId} logo`);
    return logo;
  }

  /** Removes the logo (the letterheads go back to the name alone); removing none changes nothing. */
  async remove(fundId: string, actor: Actor): Promise<void> {
    await this.funds.get(fundId, actor);
    await this.dataSource.transaction(async (em) => {
      const removed = await this.logos.remove(em, fundId);
      if (!removed) return;
      await this.audit.record(em, actor, {
        action: 'fund.logo-removed',
        entity: 'fund',
        entityId: fundId,
        summary: { sha256: removed.sha256, size: removed.size },
      });
    });
  }

  /** The logo's bytes for a document's letterhead, on a connection of its own (the caller checked access). */
  async letterhead(fundId: string): Promise<Buffer | undefined> {
    return this.letterheadIn(this.dataSource.manager, fundId);
  }

  /** The logo's bytes for a document's letterhead, inside the caller's transaction (no access check). */
  async letterheadIn(em: EntityManager, fundId: string): Promise<Buffer | undefined> {
    return (await this.logos.content(em, fundId))?.content;
  }
}
