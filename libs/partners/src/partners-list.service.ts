import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, canAccessFund, Clock, Page, PageQuery } from '@app/core';
import { OrganizationsService } from '@app/identity';
import { completenessProblems, stateOf } from './domain/profile';
import { isoDay } from './partner-access';
import { PartnerSummaryView } from './partner.views';
import { ProfilesRepository } from './repositories/profiles.repository';
import { RiskRepository } from './repositories/risk.repository';
import { SanctionsRepository } from './repositories/sanctions.repository';

/**
 * The verifiers' list: a page of organizations (identity's order and cursor) with where each one's due
 * diligence stands, read in one query per table for the whole page.
 */
@Injectable()
export class PartnersListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly profiles: ProfilesRepository,
    private readonly sanctions: SanctionsRepository,
    private readonly risk: RiskRepository,
    private readonly clock: Clock,
  ) {}

  async list(
    query: PageQuery & { verified?: 'true' | 'false' },
    actor: Actor,
  ): Promise<Page<PartnerSummaryView>> {
    const page = await this.organizations.list(query);
    const ids = page.items.map((o) => o.id);
    const em = this.dataSource.manager;
    const [profiles, docs, duplicates, hits, ratings, redFlags] = await Promise.all([
      this.profiles.getMany(em, ids),
      this.profiles.documentsOfMany(em, ids),
      this.profiles.duplicateCounts(em, ids),
      this.sanctions.blockingOfMany(em, ids),
      this.risk.currentRatingsOfMany(em, ids),
      this.risk.openRedFlagsOfMany(em, ids),
    ]);
    const now = this.clock.now();
    const today = isoDay(now);
    const items = page.items.map((o): PartnerSummaryView => {
      const p = profiles.find((x) => x.organizationId === o.id) ?? null;
      const missing = completenessProblems(
        stateOf(p),
        docs.filter((d) => d.organizationId === o.id),
        today,
        now.getUTCFullYear(),
      ).length;
      const h = hits.get(o.id) ?? { open: 0, confirmed: 0 };
      return {
        organizationId: o.id,
        name: o.name,
        country: o.country,
        verified: o.verified,
        dueDiligenceVerifiedAt: p?.ddVerifiedAt ?? null,
        complete: missing === 0,
        missing,
        openHits: h.open,
        confirmedHits: h.confirmed,
        bankChangePending: Boolean(p?.pendingBank),
        redFlags: redFlags.get(o.id) ?? 0,
        duplicates: duplicates.get(o.id) ?? 0,
        ratings: ratings
          .filter((r) => r.organizationId === o.id && canAccessFund(actor, r.fundId))
          .map((r) => ({ fundId: r.fundId, level: r.level, score: r.score, at: r.createdAt })),
      };
    });
    return { items, nextCursor: page.nextCursor };
  }
}
