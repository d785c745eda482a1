import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  canAccessFund,
  decodeCursor,
  encodeCursor,
  hasRole,
  isStaff,
  NotFoundError,
  Page,
  pageLimit,
} from '@app/core';
import { ApplicationQuery, ApplicationView } from './dto/application.dto';
import {
  ApplicationRow,
  ApplicationsRepository,
  toApplicationView,
  toBudgetLineView,
} from './repositories/applications.repository';

/** Reads of applications by scope: the list and one application, with their budget lines and files. */
@Injectable()
export class ApplicationQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ApplicationsRepository,
  ) {}

  /** An application's budget lines in the caller's transaction (a grant's budget starts from them). */
  async budgetLinesIn(
    em: EntityManager,
    applicationId: string,
  ): Promise<{ category: string; description: string; amount: number }[]> {
    return (await this.repo.budgetLines(em, [applicationId])).map(toBudgetLineView);
  }

  async list(query: ApplicationQuery, actor: Actor): Promise<Page<ApplicationView>> {
    const em = this.dataSource.manager;
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const rows = await this.repo.readableRows(em, actor, {
      callId: query.callId,
      status: query.status,
      cursor,
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const items = await this.views(em, page, actor);
    const last = page[page.length - 1];
    return { items, nextCursor: more ? encodeCursor(last.created_at, last.id) : null };
  }

  async view(id: string, actor: Actor): Promise<ApplicationView> {
    const em = this.dataSource.manager;
    const row = await this.readable(em, id, actor);
    return (await this.views(em, [row], actor))[0];
  }

  /** The row if the caller may read it (staff of its fund, its NGO, an assigned reviewer); 404 otherwise. */
  async readable(em: EntityManager, id: string, actor: Actor): Promise<ApplicationRow> {
    const [row] = await this.repo.readableRows(em, actor, { id });
    if (!row) throw new NotFoundError('application', id);
    return row;
  }

  private async views(em: EntityManager, rows: ApplicationRow[], actor: Actor): Promise<ApplicationView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const lines = await this.repo.budgetLines(em, ids);
    const files = await this.repo.attachments(em, ids);
    return rows.map((r) => {
      // Reading only as an assigned reviewer (not staff, not the NGO itself): a blind call hides the NGO.
      const ownNgo = hasRole(actor, 'ngo') && actor.organizationId === r.organization_id;
      const staff = isStaff(actor) && canAccessFund(actor, r.fund_id);
      return toApplicationView(r, lines, files, r.blind && !ownNgo && !staff);
    });
  }
}
