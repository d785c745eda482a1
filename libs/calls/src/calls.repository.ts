import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import type { CallStatus, RubricCriterion } from './domain/call-rules';
import { CallView } from './dto/call.dto';

/** A call as the context reads it: the view the API answers with (no other shape of a call exists). */
export type Call = CallView;

export const CALL_COLUMNS = `c.id, c.fund_id, c.title, c.description, c.themes, c.eligible_countries,
  c.min_award::bigint::text AS min_award, c.max_award::bigint::text AS max_award,
  c.envelope::bigint::text AS envelope, c.currency, c.deadline, c.rubric, c.blind, c.status, c.created_at,
  c.updated_at, c.published_at, c.opened_at, c.closed_at`;

export interface CallRow {
  id: string;
  fund_id: string;
  title: string;
  description: string | null;
  themes: string[];
  eligible_countries: string[];
  min_award: string | null;
  max_award: string | null;
  envelope: string | null;
  currency: string;
  deadline: Date | null;
  rubric: RubricCriterion[];
  blind: boolean;
  status: CallStatus;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  opened_at: Date | null;
  closed_at: Date | null;
}

const money = (v: string | null, what: string): number | null => (v === null ? null : minor(v, what));

/** The one mapper of a call. */
export function toCallView(r: CallRow): CallView {
  return {
    id: r.id,
    fundId: r.fund_id,
    title: r.title,
    description: r.description,
    themes: r.themes,
    eligibleCountries: r.eligible_countries,
    minAward: money(r.min_award, 'minAward'),
    maxAward: money(r.max_award, 'maxAward'),
    envelope: money(r.envelope, 'envelope'),
    currency: r.currency,
    deadline: r.deadline,
    rubric: r.rubric,
    blind: r.blind,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  };
}

/** What a new call is made of (the rest takes the table's defaults). */
export interface NewCall {
  fundId: string;
  title: string;
  description: string | null;
  themes: string[];
  eligibleCountries: string[];
  minAward: number | null;
  maxAward: number | null;
  envelope: number | null;
  currency: string;
  deadline: Date | null;
  rubric: RubricCriterion[];
  blind: boolean;
  createdBy: string | null;
}

/** The fields of a call that change after its creation. */
export type CallChange = Partial<
  Pick<
    Call,
    | 'title'
    | 'description'
    | 'themes'
    | 'eligibleCountries'
    | 'minAward'
    | 'maxAward'
    | 'envelope'
    | 'deadline'
    | 'rubric'
    | 'blind'
    | 'status'
    | 'publishedAt'
    | 'openedAt'
    | 'closedAt'
  >
>;

const CHANGE_COLUMNS: Record<keyof CallChange, string> = {
  title: 'title',
  description: 'description',
  themes: 'themes',
  eligibleCountries: 'eligible_countries',
  minAward: 'min_award',
  maxAward: 'max_award',
  envelope: 'envelope',
  deadline: 'deadline',
  rubric: 'rubric',
  blind: 'blind',
  status: 'status',
  publishedAt: 'published_at',
  openedAt: 'opened_at',
  closedAt: 'closed_at',
};

export interface CallFilter {
  statuses: readonly string[] | null;
  fundIds: readonly string[] | null;
  status: string | null;
  fundId: string | null;
  cursor: { at: string | Date; id: string } | null;
  limit: number;
}

/** All SQL of the calls context (the `calls` table). */
@Injectable()
export class CallsRepository {
  async insert(em: EntityManager, c: NewCall): Promise<Call> {
    const [row]: CallRow[] = await em.query(
      `INSERT INTO calls AS c (fund_id, title, description, themes, eligible_countries, min_award, max_award,
         envelope, currency, deadline, rubric, blind, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', $13)
       RETURNING ${CALL_COLUMNS}`,
      [
        c.fundId,
        c.title,
        c.description,
        c.themes,
        c.eligibleCountries,
        c.minAward,
        c.maxAward,
        c.envelope,
        c.currency,
        c.deadline,
        JSON.stringify(c.rubric),
        c.blind,
        c.createdBy,
      ],
    );
    return toCallView(row);
  }

  /** Writes the changed fields (and updated_at); the call as it now stands. */
  async update(em: EntityManager, id: string, change: CallChange): Promise<Call> {
    const params: unknown[] = [id];
    const sets = (Object.keys(change) as (keyof CallChange)[]).map((k) => {
      const v = change[k];
      params.push(k === 'rubric' ? JSON.stringify(v) : v);
      return `${CHANGE_COLUMNS[k]} = $${params.length}`;
    });
    // UPDATE ... RETURNING answers [rows, count] through TypeORM: read the row back through a SELECT.
    const [row]: CallRow[] = await em.query(
      `WITH u AS (UPDATE calls SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *)
       SELECT ${CALL_COLUMNS} FROM u c`,
      params,
    );
    return toCallView(row);
  }

  async findById(em: EntityManager, id: string): Promise<Call | undefined> {
    const [row]: CallRow[] = await em.query(`SELECT ${CALL_COLUMNS} FROM calls c WHERE c.id = $1`, [id]);
    return row && toCallView(row);
  }

  /** SELECT ... FOR UPDATE, or FOR SHARE with 'read'. */
  async lockById(em: EntityManager, id: string, mode: 'write' | 'read'): Promise<Call | undefined> {
    const [row]: CallRow[] = await em.query(
      `SELECT ${CALL_COLUMNS} FROM calls c WHERE c.id = $1 ${mode === 'write' ? 'FOR UPDATE' : 'FOR SHARE'}`,
      [id],
    );
    return row && toCallView(row);
  }

  /** One statement for the hottest read of the API: filters, visibility and keyset, newest first. */
  async list(em: EntityManager, f: CallFilter): Promise<Call[]> {
    const rows: CallRow[] = await em.query(
      `SELECT ${CALL_COLUMNS} FROM calls c
       WHERE ($1::text[] IS NULL OR c.status = ANY($1)) AND ($2::uuid[] IS NULL OR c.fund_id = ANY($2))
         AND ($3::text IS NULL OR c.status = $3) AND ($4::uuid IS NULL OR c.fund_id = $4)
         AND ($5::timestamptz IS NULL OR (c.created_at, c.id) < ($5, $6::uuid))
       ORDER BY c.created_at DESC, c.id DESC LIMIT $7`,
      [f.statuses, f.fundIds, f.status, f.fundId, f.cursor?.at ?? null, f.cursor?.id ?? null, f.limit],
    );
    return rows.map(toCallView);
  }

  /** Open calls whose deadline is past, oldest deadline first. */
  async dueToClose(em: EntityManager, now: Date): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM calls WHERE status = 'open' AND deadline <= $1 ORDER BY deadline, id`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The fund's new-call target and available balance. Reads the funds context's `funds` and
   * `fund_balances` (read-only, in the caller's transaction) until the funds door offers both with an em.
   */
  async fundTarget(em: EntityManager, fundId: string): Promise<{ target: number; available: number }> {
    const [fund]: { target: string; available: string }[] = await em.query(
      `SELECT f.new_call_target::bigint::text AS target, coalesce(b.available, 0)::bigint::text AS available
       FROM funds f LEFT JOIN fund_balances b ON b.fund_id = f.id WHERE f.id = $1`,
      [fundId],
    );
    return { target: minor(fund.target, 'newCallTarget'), available: minor(fund.available, 'available') };
  }
}
