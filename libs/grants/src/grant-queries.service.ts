import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  decodeCursor,
  encodeCursor,
  isStaff,
  NotFoundError,
  Page,
  pageLimit,
  toPage,
} from '@app/core';
import { canSeeGrant } from './domain/access';
import { GrantQuery } from './dto/grants.dto';
import { GrantView, toGrantView } from './grant.views';
import { GrantReportsRepository } from './repositories/grant-reports.repository';
import { GrantReturnsRepository } from './repositories/grant-returns.repository';
import { Grant, GrantsRepository } from './repositories/grants.repository';
import { TranchesRepository } from './repositories/tranches.repository';

const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

function byGrant<T extends { grantId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.grantId, [...(out.get(r.grantId) ?? []), r]);
  return out;
}

/** Reading grants: one, a page, and the full views the other grant use cases answer with. */
@Injectable()
export class GrantQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsRepository,
    private readonly tranches: TranchesRepository,
    private readonly reports: GrantReportsRepository,
    private readonly returns: GrantReturnsRepository,
  ) {}

  async get(id: string, actor: Actor): Promise<GrantView> {
    const em = this.dataSource.manager;
    const g = await this.grants.byId(em, id);
    if (!g || !canSeeGrant(actor, g)) throw new NotFoundError('grant', id);
    return this.view(em, g);
  }

  async list(query: GrantQuery, actor: Actor): Promise<Page<GrantView>> {
    const em = this.dataSource.manager;
    const limit = pageLimit(query);
    const rows = await this.grants.page(em, {
      organizationId: isStaff(actor) ? null : (actor.organizationId ?? NO_ORGANIZATION),
      fundIds: isStaff(actor) && actor.fundIds.length ? actor.fundIds : null,
      fundId: query.fundId ?? null,
      status: query.status ?? null,
      after: decodeCursor(query.cursor) ?? null,
      limit: limit + 1,
    });
    const page = toPage(
      rows,
      limit,
      (g) => g,
      (g) => encodeCursor(g.createdAt, g.id),
    );
    // A fixed number of statements for the whole page (the grants, then their tranches, reports, returns
    // and victims each in one query), not four per grant.
    return { items: await this.views(em, page.items), nextCursor: page.nextCursor };
  }

  /** The grant as read in `em`, if the actor may see it (404 otherwise). */
  async visibleIn(em: EntityManager, id: string, actor: Actor): Promise<Grant> {
    const g = await this.grants.byId(em, id);
    if (!g || !canSeeGrant(actor, g)) throw new NotFoundError('grant', id);
    return g;
  }

  /** The grant, locked for the transaction, if the actor may see it (404 otherwise). */
  async lockVisible(em: EntityManager, id: string, actor: Actor): Promise<Grant> {
    const g = await this.grants.lock(em, id);
    if (!g || !canSeeGrant(actor, g)) throw new NotFoundError('grant', id);
    return g;
  }

  /** One grant's full view, re-read within `em` (what a use case answers after changing it). */
  async reread(em: EntityManager, id: string): Promise<GrantView> {
    const g = await this.grants.byId(em, id);
    if (!g) throw new NotFoundError('grant', id);
    return this.view(em, g);
  }

  async view(em: EntityManager, g: Grant): Promise<GrantView> {
    return (await this.views(em, [g]))[0];
  }

  /**
   * The views of `grants`, in their order: four statements whatever their number (tranches, reports,
   * returns, victims assisted), in sequence since `em` may be a transaction's single connection.
   */
  async views(em: EntityManager, grants: readonly Grant[]): Promise<GrantView[]> {
    if (!grants.length) return [];
    const ids = grants.map((g) => g.id);
    const tranches = byGrant(await this.tranches.ofGrants(em, ids));
    const reports = byGrant(await this.reports.ofGrants(em, ids));
    const returns = byGrant(await this.returns.ofGrants(em, ids));
    return grants.map((g) =>
      toGrantView(g, tranches.get(g.id) ?? [], reports.get(g.id) ?? [], returns.get(g.id) ?? []),
    );
  }
}
