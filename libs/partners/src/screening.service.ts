import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, NotFoundError, SYSTEM_ACTOR } from '@app/core';
import { normalizeName, SIMILARITY_THRESHOLD } from './domain/names';
import { screenedNames, stateOf } from './domain/profile';
import { HitView } from './partner.views';
import { HitResolved, OrganizationBlocked, SanctionsHitOpen } from './partners.errors';
import { ProfilesRepository } from './repositories/profiles.repository';
import { Hit, SanctionsRepository } from './repositories/sanctions.repository';

export const toHitView = (h: Hit): HitView => {
  const { organizationId: _o, resolvedBy: _r, ...rest } = h;
  return rest;
};

/**
 * Screening against the latest list version: every name of a profile (legal name, other names, acronyms,
 * head, key people), normalized, against every listed name and alias by pg_trgm similarity at
 * SIMILARITY_THRESHOLD. A hit is one (organization, list entry, normalized name): the same pair is never
 * raised twice, so a cleared pair stays quiet on every later run.
 */
@Injectable()
export class ScreeningService {
  private readonly logger = new Logger(ScreeningService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sanctions: SanctionsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Screens one organization or everyone; the number of new hits. */
  async screen(organizationId?: string): Promise<number> {
    const em = this.dataSource.manager;
    const list = await this.sanctions.latest(em);
    if (!list) return 0;
    const ids = organizationId ? [organizationId] : await this.profiles.allOrganizationIds(em);
    let raised = 0;
    for (const id of ids) {
      raised += await this.dataSource.transaction(async (tx) => {
        const p = await this.profiles.get(tx, id, 'share');
        if (!p) return 0;
        let n = 0;
        for (const subject of screenedNames(stateOf(p))) {
          const normalized = normalizeName(subject);
          if (normalized.length < 2) continue;
          for (const m of await this.sanctions.matches(tx, list.id, normalized, SIMILARITY_THRESHOLD)) {
            const hitId = await this.sanctions.raise(tx, {
              organizationId: id,
              listId: list.id,
              dataId: m.dataId,
              entryName: m.name,
              subject,
              subjectNormalized: normalized,
              score: m.score,
            });
            if (!hitId) continue;
            n += 1;
            await this.audit.record(tx, SYSTEM_ACTOR, {
              action: 'partner.sanctions-hit',
              entity: 'organization',
              entityId: id,
              summary: { hitId, dataId: m.dataId, entryName: m.name, subject, score: m.score },
            });
          }
        }
        return n;
      });
    }
    if (raised) this.logger.log(`screening raised ${raised} hit(s) against list ${list.id}`);
    return raised;
  }

  async hits(organizationId: string): Promise<HitView[]> {
    return (await this.sanctions.hits(this.dataSource.manager, organizationId)).map(toHitView);
  }

  blockingIn(em: EntityManager, organizationId: string): Promise<{ open: number; confirmed: number }> {
    return this.sanctions.blocking(em, organizationId);
  }

  /** Throws while a hit is open (blocked until resolved) or confirmed (the organization is blocked). */
  async assertNoHits(em: EntityManager, organizationId: string): Promise<void> {
    const { open, confirmed } = await this.sanctions.blocking(em, organizationId);
    if (confirmed) throw new OrganizationBlocked();
    if (open) throw new SanctionsHitOpen(open);
  }

  async resolve(
    hitId: string,
    status: 'cleared' | 'confirmed',
    reason: string,
    actor: Actor,
  ): Promise<HitView> {
    return this.dataSource.transaction(async (em) => {
      const hit = await this.sanctions.lockHit(em, hitId);
      if (!hit) throw new NotFoundError('screening_hit', hitId);
      if (hit.status !== 'open') throw new HitResolved(hit.status);
      await this.sanctions.resolve(em, hitId, status, reason, actor.userId);
      await this.audit.record(em, actor, {
        action: status === 'cleared' ? 'partner.sanctions-hit-cleared' : 'partner.sanctions-hit-confirmed',
        entity: 'organization',
        entityId: hit.organizationId,
        summary: { hitId, dataId: hit.dataId, subject: hit.subject, reason },
      });
      const after = await this.sanctions.lockHit(em, hitId);
      return toHitView(after!);
    });
  }

  /** Links organizations with the same registration or bank account (the verifier is warned). */
  async linkDuplicates(
    em: EntityManager,
    organizationId: string,
    registration: { number: string; country: string } | null,
    account: string | null,
    actor: Actor,
  ): Promise<void> {
    for (const d of await this.profiles.duplicatesOf(em, organizationId, registration, account)) {
      if (await this.profiles.link(em, organizationId, d.otherId, d.reason))
        await this.audit.record(em, actor, {
          action: 'partner.duplicate-linked',
          entity: 'organization',
          entityId: organizationId,
          summary: { other: d.otherId, reason: d.reason },
        });
    }
  }
}
