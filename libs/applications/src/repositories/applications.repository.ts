import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, hasRole, isStaff, minor } from '@app/core';
import type { ApplicationStatus } from '../domain/application-rules';
import { servedFilename } from '../domain/application-rules';
import { ApplicationView, AttachmentView, BudgetLineDto, BudgetLineView } from '../dto/application.dto';

/** The statuses that still wait for screening or a decision: a call is not decided while one is left. */
export const WAITING_STATUSES: readonly ApplicationStatus[] = ['submitted', 'eligible'];

/**
 * The application as read for its view: with its organization's name (identity's `organizations`) and its
 * call's blind flag (`calls`), joined read-only in the one statement of the hot list.
 */
const APPLICATION_COLUMNS = `a.id, a.call_id, a.fund_id, a.organization_id, o.name AS organization_name, c.blind,
  a.title, a.summary, a.countries, a.services, a.expected_victims, a.requested::bigint::text AS requested,
  a.currency, a.status, a.eligibility_reason, a.submitted_at, a.screened_at, a.withdrawn_at, a.decided_at,
  a.created_at, a.updated_at`;

export interface ApplicationRow {
  id: string;
  call_id: string;
  fund_id: string;
  organization_id: string;
  organization_name: string;
  blind: boolean;
  title: string;
  summary: string;
  countries: string[];
  services: string[];
  expected_victims: number;
  requested: string;
  currency: string;
  status: ApplicationStatus;
  eligibility_reason: string | null;
  submitted_at: Date | null;
  screened_at: Date | null;
  withdrawn_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const BUDGET_LINE_COLUMNS = `application_id, category, description, amount::bigint::text AS amount`;

export interface BudgetLineRow {
  application_id: string;
  category: string;
  description: string;
  amount: string;
}

const ATTACHMENT_COLUMNS = `application_id, id, filename, mime, size, sha256, created_at`;

export interface AttachmentRow {
  application_id: string;
  id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: Date;
}

const ATTACHMENT_FILE_COLUMNS = `filename, mime, sha256, content`;

export interface AttachmentFileRow {
  filename: string;
  mime: string;
  sha256: string;
  content: Buffer;
}

export function toBudgetLineView(l: BudgetLineRow): BudgetLineView {
  return { category: l.category, description: l.description, amount: minor(l.amount, 'budget amount') };
}

/**
 * The name a file is served under to a reader who may not see who applied (a reviewer of a blind call):
 * its number and extension only, since NGOs often name files after themselves.
 */
export function blindFilename(n: number, mime: string): string {
  const served = servedFilename(`file`, mime);
  const dot = served.lastIndexOf('.');
  return `attachment-${n}${dot >= 0 ? served.slice(dot) : ''}`;
}

export function toAttachmentView(f: Omit<AttachmentRow, 'application_id'>, blindN?: number): AttachmentView {
  return {
    id: f.id,
    filename: blindN === undefined ? servedFilename(f.filename, f.mime) : blindFilename(blindN, f.mime),
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    createdAt: f.created_at,
  };
}

/**
 * The one mapper of ApplicationView; `hide` leaves out the NGO (a reviewer reading a blind call): its id and
 * name, and the attachments' own file names.
 */
export function toApplicationView(
  r: ApplicationRow,
  lines: BudgetLineRow[],
  files: AttachmentRow[],
  hide: boolean,
): ApplicationView {
  return {
    id: r.id,
    callId: r.call_id,
    fundId: r.fund_id,
    ...(hide ? {} : { organizationId: r.organization_id, organizationName: r.organization_name }),
    title: r.title,
    summary: r.summary,
    countries: r.countries,
    services: r.services,
    expectedVictims: r.expected_victims,
    budget: lines.filter((l) => l.application_id === r.id).map(toBudgetLineView),
    requested: minor(r.requested, 'requested'),
    currency: r.currency,
    status: r.status,
    eligibilityReason: r.eligibility_reason,
    submittedAt: r.submitted_at,
    screenedAt: r.screened_at,
    withdrawnAt: r.withdrawn_at,
    decidedAt: r.decided_at,
    attachments: files
      .filter((f) => f.application_id === r.id)
      .map((f, i) => toAttachmentView(f, hide ? i + 1 : undefined)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What one application draft reminder needs (the `applications.draft-reminders` job). */
export interface DraftDueRow {
  id: string;
  title: string;
  call_title: string;
  deadline: Date;
  organization_id: string;
}

/** What a notification about one application needs. */
export interface ApplicationNoticeRow {
  title: string;
  call_title: string;
  organization_id: string;
}

export interface ApplicationFilter {
  id?: string;
  ids?: readonly string[];
  callId?: string;
  status?: string;
  country?: string;
  service?: string;
  q?: string;
  /** A column of `SORT_SQL` and its direction; then paged by `offset` instead of the keyset cursor. */
  sort?: string;
  offset?: number;
  cursor?: { at: string | Date; id: string } | null;
  limit?: number;
}

/** The orders of `ApplicationQuery.sort`, as SQL (ties broken by id, so pages never overlap). */
const SORT_SQL: Record<string, string> = {
  '-createdAt': 'a.created_at DESC, a.id DESC',
  createdAt: 'a.created_at ASC, a.id ASC',
  title: 'lower(a.title) ASC, a.id ASC',
  '-title': 'lower(a.title) DESC, a.id DESC',
  requested: 'a.requested ASC, a.id ASC',
  '-requested': 'a.requested DESC, a.id DESC',
  submittedAt: 'a.submitted_at ASC NULLS LAST, a.id ASC',
  '-submittedAt': 'a.submitted_at DESC NULLS LAST, a.id DESC',
};

/**
 * All SQL of the applications context: `applications`, `application_budget_lines` and
 * `application_attachments` (the `Application` entity keeps its findOne/save in the services).
 */
@Injectable()
export class ApplicationsRepository {
  /** How many applications of the call still wait for screening or a decision. */
  async countWaiting(em: EntityManager, callId: string): Promise<number> {
    const [row]: { waiting: string }[] = await em.query(
      `SELECT count(*) AS waiting FROM applications WHERE call_id = $1 AND status = ANY($2::text[])`,
      [callId, WAITING_STATUSES],
    );
    return minor(row.waiting, 'count');
  }

  /** Whether the organization already has an application to the call that is not withdrawn. */
  async hasActive(em: EntityManager, callId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM applications WHERE call_id = $1 AND organization_id = $2 AND status <> 'withdrawn'`,
      [callId, organizationId],
    );
    return rows.length > 0;
  }

  /** Replaces the application's budget lines, in the order given. */
  async writeBudget(em: EntityManager, id: string, budget: BudgetLineDto[]): Promise<void> {
    await em.query(`DELETE FROM application_budget_lines WHERE application_id = $1`, [id]);
    await em.query(
      `INSERT INTO application_budget_lines (application_id, n, category, description, amount)
       SELECT $1, t.n, t.category, t.description, t.amount
       FROM unnest($2::text[], $3::text[], $4::bigint[]) WITH ORDINALITY AS t(category, description, amount, n)`,
      [
        id,
        budget.map((l) => l.category),
        budget.map((l) => l.description),
        budget.map((l) => String(l.amount)),
      ],
    );
  }

  /**
   * Whether the organization is verified. Reads identity's `organizations` table (read-only, in the
   * caller's transaction) until identity's door offers this read with an EntityManager.
   */
  async organizationVerified(em: EntityManager, organizationId: string): Promise<boolean> {
    const rows: { verified: boolean }[] = await em.query(
      `SELECT verified_at IS NOT NULL AS verified FROM organizations WHERE id = $1`,
      [organizationId],
    );
    return rows[0]?.verified ?? false;
  }

  async countAttachments(em: EntityManager, id: string): Promise<number> {
    const [{ n }]: { n: string }[] = await em.query(
      `SELECT count(*) AS n FROM application_attachments WHERE application_id = $1`,
      [id],
    );
    return minor(n, 'count');
  }

  async insertAttachment(
    em: EntityManager,
    a: {
      applicationId: string;
      filename: string;
      mime: string;
      bytes: Buffer;
      sha256: string;
      uploadedBy: string | null;
    },
  ): Promise<{ id: string; createdAt: Date }> {
    const [row]: { id: string; created_at: Date }[] = await em.query(
      `INSERT INTO application_attachments (application_id, filename, mime, size, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
      [a.applicationId, a.filename, a.mime, a.bytes.length, a.sha256, a.bytes, a.uploadedBy],
    );
    return { id: row.id, createdAt: row.created_at };
  }

  async attachmentFile(
    em: EntityManager,
    applicationId: string,
    attachmentId: string,
  ): Promise<AttachmentFileRow | undefined> {
    const rows: AttachmentFileRow[] = await em.query(
      `SELECT ${ATTACHMENT_FILE_COLUMNS} FROM application_attachments WHERE id = $1 AND application_id = $2`,
      [attachmentId, applicationId],
    );
    return rows[0];
  }

  /**
   * The applications the actor may read (staff of their funds, their NGO's, those assigned to them as a
   * reviewer), filtered and in keyset order, newest first. None when the actor has no such role.
   */
  async readableRows(em: EntityManager, actor: Actor, filter: ApplicationFilter): Promise<ApplicationRow[]> {
    const params: unknown[] = [];
    const where = readableWhere(actor, filter, params);
    if (!where) return [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.cursor)
      where.push(
        `(a.created_at, a.id) < (${p(filter.cursor.at)}::timestamptz, ${p(filter.cursor.id)}::uuid)`,
      );
    const order = SORT_SQL[filter.sort ?? '-createdAt'] ?? SORT_SQL['-createdAt'];
    const limit = filter.limit !== undefined ? ` LIMIT ${p(filter.limit)}` : '';
    const offset = filter.offset ? ` OFFSET ${p(filter.offset)}` : '';
    return em.query(
      `SELECT ${APPLICATION_COLUMNS}
       FROM applications a JOIN organizations o ON o.id = a.organization_id JOIN calls c ON c.id = a.call_id
       WHERE ${where.join(' AND ')} ORDER BY ${order}${limit}${offset}`,
      params,
    );
  }

  /** How many applications the actor may read match the filter (its paging ignored). */
  async countReadable(em: EntityManager, actor: Actor, filter: ApplicationFilter): Promise<number> {
    const params: unknown[] = [];
    const where = readableWhere(actor, filter, params);
    if (!where) return 0;
    const [row]: { n: string }[] = await em.query(
      `SELECT count(*) AS n
       FROM applications a JOIN organizations o ON o.id = a.organization_id JOIN calls c ON c.id = a.call_id
       WHERE ${where.join(' AND ')}`,
      params,
    );
    return minor(row.n, 'count');
  }

  async budgetLines(em: EntityManager, ids: string[]): Promise<BudgetLineRow[]> {
    return em.query(
      `SELECT ${BUDGET_LINE_COLUMNS}
       FROM application_budget_lines WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, n`,
      [ids],
    );
  }

  async attachments(em: EntityManager, ids: string[]): Promise<AttachmentRow[]> {
    return em.query(
      `SELECT ${ATTACHMENT_COLUMNS}
       FROM application_attachments WHERE application_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
  }

  /** Drafts whose published or open call closes within 72 hours of `now`. */
  async draftsDue(em: EntityManager, now: Date): Promise<DraftDueRow[]> {
    return em.query(
      `SELECT a.id, a.title, c.title AS call_title, c.deadline, a.organization_id
         FROM applications a JOIN calls c ON c.id = a.call_id
         WHERE a.status = 'draft' AND c.status IN ('published', 'open')
           AND c.deadline > $1 AND c.deadline <= $1 + interval '72 hours'`,
      [now],
    );
  }

  async notice(em: EntityManager, applicationId: string): Promise<ApplicationNoticeRow | undefined> {
    const rows: ApplicationNoticeRow[] = await em.query(
      `SELECT a.title, c.title AS call_title, a.organization_id
       FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.id = $1`,
      [applicationId],
    );
    return rows[0];
  }

  /**
   * The active members of an NGO, oldest first. Reads identity's `users` table (read-only) until identity's
   * door offers this list.
   */
  async organizationMembers(em: EntityManager, organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM users WHERE organization_id = $1 AND active ORDER BY created_at`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }
}

/** The WHERE terms of a readable list (scope, then the filters), pushing their parameters; null: none. */
function readableWhere(actor: Actor, filter: ApplicationFilter, params: unknown[]): string[] | null {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const scope = scopeSql(actor, p);
  if (!scope) return null;
  const where = [scope];
  if (filter.id) where.push(`a.id = ${p(filter.id)}`);
  if (filter.ids) where.push(`a.id = ANY(${p(filter.ids)}::uuid[])`);
  if (filter.callId) where.push(`a.call_id = ${p(filter.callId)}`);
  if (filter.status) where.push(`a.status = ${p(filter.status)}`);
  if (filter.country) where.push(`${p(filter.country)} = ANY(a.countries)`);
  if (filter.service) where.push(`${p(filter.service)} = ANY(a.services)`);
  const q = filter.q?.trim();
  if (q) {
    // The words as typed, LIKE's own wildcards escaped; the organization's name only for staff.
    const like = p(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const terms = [`a.title ILIKE ${like}`, `a.summary ILIKE ${like}`];
    if (isStaff(actor)) terms.push(`o.name ILIKE ${like}`);
    where.push(`(${terms.join(' OR ')})`);
  }
  return where;
}

/**
 * Who sees what, as SQL. Reviewers see the applications assigned to them: this reads the reviews
 * context's `review_assignments` table directly (a read-only dependency; reviews depends on us, not the
 * other way round).
 */
function scopeSql(actor: Actor, p: (v: unknown) => string): string | null {
  const parts: string[] = [];
  if (isStaff(actor))
    parts.push(actor.fundIds.length ? `a.fund_id = ANY(${p(actor.fundIds)}::uuid[])` : 'true');
  if (hasRole(actor, 'ngo') && actor.organizationId)
    parts.push(`a.organization_id = ${p(actor.organizationId)}`);
  if (hasRole(actor, 'reviewer') && actor.userId)
    parts.push(
      `EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = a.id AND ra.reviewer_id = ${p(actor.userId)})`,
    );
  return parts.length ? `(${parts.join(' OR ')})` : null;
}
