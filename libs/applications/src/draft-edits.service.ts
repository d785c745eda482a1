import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, Clock } from '@app/core';
import { EditDay, DraftEditsRepository } from './repositories/draft-edits.repository';

const BATCH = 500;

/**
 * Draft saves are tallied per draft and day, not audited one by one (README, "Audit log"): the tally
 * becomes one `application.edited` audit row at submission (before the `application.submitted` row), or by
 * the daily job (`applications.edit-summaries`) once its UTC day is over. Nothing saves into a day after
 * its row is written: a submitted draft cannot be edited, and the job only takes days gone by. The save
 * itself counts in its own statement (the `application_draft_save` function, DraftSaveRepository).
 */
@Injectable()
export class DraftEditsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DraftEditsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Writes the draft's pending days into the audit log (in the caller's transaction: the submission). */
  async flush(em: EntityManager, applicationId: string): Promise<number> {
    const days = await this.repo.unauditedOf(em, applicationId);
    await this.write(em, days);
    return days.length;
  }

  /** The daily job: every draft's days before today, in batches, each batch one transaction. */
  async flushPastDays(): Promise<number> {
    const today = this.clock.now().toISOString().slice(0, 10);
    let written = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (em) => {
        const days = await this.repo.unauditedBefore(em, today, BATCH);
        await this.write(em, days);
        return days.length;
      });
      written += n;
      if (n < BATCH) return written;
    }
  }

  private async write(em: EntityManager, days: EditDay[]): Promise<void> {
    for (const d of days) {
      const editor: Actor = {
        userId: d.lastActorId,
        roles: ['ngo'],
        organizationId: d.organizationId,
        donorId: null,
        fundIds: [],
        requestId: null,
        address: d.lastAddress,
      };
      await this.audit.record(em, editor, {
        action: 'application.edited',
        entity: 'application',
        entityId: d.applicationId,
        summary: {
          day: d.day,
          saves: d.saves,
          fields: d.fields,
          requested: d.requested,
          firstAt: d.firstAt.toISOString(),
          lastAt: d.lastAt.toISOString(),
        },
      });
    }
    await this.repo.markAudited(em, days, this.clock.now());
  }
}
