import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, Clock, JOB, OutboxService } from '@app/core';
import { canClose, dueAtSignature } from './domain/tranches';
import { GrantQueriesService } from './grant-queries.service';
import { GrantView } from './grant.views';
import { GrantAlreadySigned, GrantStateConflict } from './grants.errors';
import { GrantReportsRepository } from './repositories/grant-reports.repository';
import { GrantsRepository } from './repositories/grants.repository';
import { TranchesRepository } from './repositories/tranches.repository';
import { AgreementSigningService } from './post-award/agreement-signing.service';
import { OffersRepository } from './post-award/offers.repository';

/** The agreement's life: signing it (its first tranches fall due) and closing the grant once all is done. */
@Injectable()
export class GrantAgreementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly grants: GrantsRepository,
    private readonly tranches: TranchesRepository,
    private readonly reports: GrantReportsRepository,
    private readonly offers: OffersRepository,
    private readonly signing: AgreementSigningService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async sign(id: string, actor: Actor): Promise<GrantView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.queries.lockVisible(em, id, actor);
      if (g.status !== 'active') throw new GrantStateConflict(g.status);
      // The full workflow (ADR 0012): this is the fund manager's countersignature of the grantee's signature.
      if ((await this.offers.offer(em, id)).workflow === 'full') {
        const signedAt = await this.signing.countersignIn(em, g, actor);
        return this.queries.view(em, { ...g, signedAt });
      }
      if (g.signedAt) throw new GrantAlreadySigned();
      const now = this.clock.now();
      await this.grants.markSigned(em, id, now);
      // Every tranche whose condition is already met: on signature, and one per report accepted before it.
      const due = dueAtSignature(
        await this.tranches.ofGrant(em, id),
        await this.reports.acceptedCount(em, id),
      );
      await this.tranches.makeDue(
        em,
        id,
        due.map((t) => t.n),
        now,
      );
      await this.audit.record(em, actor, {
        action: 'grant.signed',
        entity: 'grant',
        entityId: id,
        summary: {},
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'signed' });
      return this.queries.view(em, { ...g, signedAt: now });
    });
  }

  /** Closes the grant (simple workflow) when every tranche is paid or cancelled and a final report is accepted. */
  async closeIfDone(em: EntityManager, id: string, actor: Actor): Promise<void> {
    // The full workflow closes through the close-out gate only (POST /grants/:id/close).
    if ((await this.offers.offer(em, id)).workflow === 'full') return;
    const tranches = await this.tranches.ofGrant(em, id);
    if (!canClose(tranches, await this.reports.finalAccepted(em, id))) return;
    if (await this.grants.closeIfActive(em, id, this.clock.now())) {
      await this.audit.record(em, actor, {
        action: 'grant.closed',
        entity: 'grant',
        entityId: id,
        summary: {},
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'closed' });
    }
  }
}
