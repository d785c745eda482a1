import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  canAccessFund,
  decodeCursor,
  encodeCursor,
  hasRole,
  InvalidCursor,
  isStaff,
  NotFoundError,
  pageLimit,
} from '@app/core';
import { ApplicationQuery, ApplicationView } from './dto/application.dto';
import { ApplicationPage } from './dto/application.views';
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

  /**
   * A page of the applications the caller may read. The default order (newest first) pages by keyset;
   * another `sort` pages by position (an opaque cursor too), so filters and order hold across all pages.
   * With a `callId`, `total` counts every match.
   */
  async list(query: ApplicationQuery, actor: Actor): Promise<ApplicationPage> {
    const em = this.dataSource.manager;
    const limit = pageLimit(query);
    const keyset = !query.sort || query.sort === '-createdAt';
    const filter = {
      callId: query.callId,
      status: query.status,
      country: query.country,
      service: query.service,
      q: query.q,
    };
    const offset = keyset ? 0 : decodeOffsetCursor(query.cursor);
    const rows = await this.repo.readableRows(em, actor, {
      ...filter,
      ...(keyset ? { cursor: decodeCursor(query.cursor) } : { sort: query.sort, offset }),
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const items = await this.views(em, page, actor);
    const last = page[page.length - 1];
    const nextCursor = !more
      ? null
      : keyset
        ? encodeCursor(last.created_at, last.id)
        : encodeOffsetCursor(offset + limit);
    const total = query.callId ? await this.repo.countReadable(em, actor, filter) : undefined;
    return { items, nextCursor, ...(total === undefined ? {} : { total }) };
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
    return rows.map((r) => toApplicationView(r, lines, files, hidesApplicant(r, actor)));
  }
}

/**
 * Reading only as an assigned reviewer (not staff of the fund, not the NGO itself): a blind call hides who
 * applied (the organization, and the attachments' own file names).
 */
export function hidesApplicant(r: ApplicationRow, actor: Actor): boolean {
  const ownNgo = hasRole(actor, 'ngo') && actor.organizationId === r.organization_id;
  const staff = isStaff(actor) && canAccessFund(actor, r.fund_id);
  return r.blind && !ownNgo && !staff;
}

/** A position cursor (for sorted lists): `["offset", n]` in base64url, as opaque as the keyset one. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify(['offset', offset])).toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const [tag, n] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (tag !== 'offset' || typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new Error();
    return n;
  } catch {
    throw new InvalidCursor();
  }
}
