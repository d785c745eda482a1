import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export type AmendmentKind = 'no_cost_extension' | 'budget_revision' | 'cost_extension';
export type AmendmentState = 'requested' | 'approved' | 'rejected' | 'recorded';

export interface BudgetMove {
  from: number;
  to: number;
  amount: number;
}

export interface BudgetLine {
  n: number;
  label: string;
  amount: number;
}

export interface Amendment {
  id: string;
  grantId: string;
  version: number;
  kind: AmendmentKind;
  state: AmendmentState;
  reason: string;
  endDate: string | null;
  moves: BudgetMove[] | null;
  amount: number | null;
  psc: number | null;
  requestedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}

interface AmendmentRow {
  id: string;
  grant_id: string;
  version: number;
  kind: AmendmentKind;
  state: AmendmentState;
  reason: string;
  end_date: string | null;
  moves: BudgetMove[] | null;
  amount: string | null;
  psc_amount: string | null;
  requested_at: Date;
  decided_at: Date | null;
  decision_note: string | null;
}

const AMENDMENT_COLUMNS = `id, grant_id, version, kind, state, reason, to_char(end_date, 'YYYY-MM-DD') AS end_date,
  moves, amount, psc_amount, requested_at, decided_at, decision_note`;

function toAmendment(r: AmendmentRow): Amendment {
  return {
    id: r.id,
    grantId: r.grant_id,
    version: r.version,
    kind: r.kind,
    state: r.state,
    reason: r.reason,
    endDate: r.end_date,
    moves: r.moves,
    amount: r.amount === null ? null : minor(r.amount, 'amount'),
    psc: r.psc_amount === null ? null : minor(r.psc_amount, 'psc_amount'),
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
  };
}

export interface ScheduleEntry {
  n: number;
  final: boolean;
  dueOn: string;
  reportId: string | null;
  reportStatus: 'submitted' | 'accepted' | 'returned' | null;
}

export interface NewAmendment {
  grantId: string;
  kind: AmendmentKind;
  state: AmendmentState;
  reason: string;
  endDate?: string;
  moves?: BudgetMove[];
  amount?: number;
  psc?: number;
  requestedBy: string | null;
  at: Date;
}

/** grant_budget_lines, grant_amendments, grant_report_schedule and grant_report_lines. */
@Injectable()
export class AmendmentsRepository {
  async budget(em: EntityManager, grantId: string): Promise<BudgetLine[]> {
    const rows: { n: number; label: string; amount: string }[] = await em.query(
      `SELECT n, label, amount FROM grant_budget_lines WHERE grant_id = $1 ORDER BY n`,
      [grantId],
    );
    return rows.map((r) => ({ n: r.n, label: r.label, amount: minor(r.amount, 'amount') }));
  }

  async writeBudget(em: EntityManager, grantId: string, lines: readonly BudgetLine[]): Promise<void> {
    await em.query(
      `INSERT INTO grant_budget_lines (grant_id, n, label, amount)
       SELECT $1, l.n, l.label, l.amount FROM jsonb_to_recordset($2::jsonb) AS l(n int, label text, amount bigint)
       ON CONFLICT (grant_id, n) DO UPDATE SET amount = EXCLUDED.amount`,
      [grantId, JSON.stringify(lines)],
    );
  }

  async all(em: EntityManager, grantId: string): Promise<Amendment[]> {
    const rows: AmendmentRow[] = await em.query(
      `SELECT ${AMENDMENT_COLUMNS} FROM grant_amendments WHERE grant_id = $1 ORDER BY version`,
      [grantId],
    );
    return rows.map(toAmendment);
  }

  async one(em: EntityManager, grantId: string, id: string): Promise<Amendment | undefined> {
    const [r]: AmendmentRow[] = await em.query(
      `SELECT ${AMENDMENT_COLUMNS} FROM grant_amendments WHERE grant_id = $1 AND id = $2`,
      [grantId, id],
    );
    return r && toAmendment(r);
  }

  /** Cost extensions approved or awaiting a decision: what counts against the 30% cap. */
  async extensionsTotal(
    em: EntityManager,
    grantId: string,
    states: readonly AmendmentState[],
  ): Promise<number> {
    const [r]: { total: string }[] = await em.query(
      `SELECT coalesce(sum(amount), 0)::bigint AS total FROM grant_amendments
       WHERE grant_id = $1 AND kind = 'cost_extension' AND state = ANY($2)`,
      [grantId, states],
    );
    return minor(r.total, 'total');
  }

  /** The next version (the caller holds the grant's lock, so versions do not collide). */
  async insert(em: EntityManager, a: NewAmendment): Promise<Amendment> {
    const [r]: AmendmentRow[] = await em.query(
      `INSERT INTO grant_amendments (grant_id, version, kind, state, reason, end_date, moves, amount, psc_amount,
         requested_by, requested_at, decided_at)
       VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM grant_amendments WHERE grant_id = $1), $2, $3, $4, $5,
         $6, $7, $8, $9, $10, CASE WHEN $3 = 'recorded' THEN $10::timestamptz END)
       RETURNING ${AMENDMENT_COLUMNS}`,
      [
        a.grantId,
        a.kind,
        a.state,
        a.reason,
        a.endDate ?? null,
        a.moves ? JSON.stringify(a.moves) : null,
        a.amount ?? null,
        a.psc ?? null,
        a.requestedBy,
        a.at,
      ],
    );
    return toAmendment(r);
  }

  async decide(
    em: EntityManager,
    id: string,
    state: 'approved' | 'rejected',
    by: string | null,
    at: Date,
    note: string | null,
  ): Promise<void> {
    await em.query(
      `UPDATE grant_amendments SET state = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1`,
      [id, state, by, at, note],
    );
  }

  async schedule(em: EntityManager, grantId: string): Promise<ScheduleEntry[]> {
    const rows: {
      n: number;
      final: boolean;
      due_on: string;
      report_id: string | null;
      status: ScheduleEntry['reportStatus'];
    }[] = await em.query(
      `SELECT s.n, s.final, to_char(s.due_on, 'YYYY-MM-DD') AS due_on, s.report_id, r.status
       FROM grant_report_schedule s LEFT JOIN grant_reports r ON r.id = s.report_id
       WHERE s.grant_id = $1 ORDER BY s.n`,
      [grantId],
    );
    return rows.map((r) => ({
      n: r.n,
      final: r.final,
      dueOn: r.due_on,
      reportId: r.report_id,
      reportStatus: r.status,
    }));
  }

  /** Moves the due dates of entries with no accepted report by `days` (a no-cost extension). */
  async shiftOpen(em: EntityManager, grantId: string, days: number): Promise<void> {
    await em.query(
      `UPDATE grant_report_schedule s SET due_on = s.due_on + $2::int
       WHERE s.grant_id = $1 AND NOT EXISTS (
         SELECT 1 FROM grant_reports r WHERE r.id = s.report_id AND r.status = 'accepted')`,
      [grantId, days],
    );
  }

  /**
   * A submitted report takes its place in the schedule: the final one the final entry, a progress report the
   * first progress entry with no report or with a returned one (a resubmission replaces it).
   */
  async attachReport(em: EntityManager, grantId: string, reportId: string, final: boolean): Promise<void> {
    await em.query(
      `UPDATE grant_report_schedule SET report_id = $2 WHERE (grant_id, n) = (
         SELECT s.grant_id, s.n FROM grant_report_schedule s LEFT JOIN grant_reports r ON r.id = s.report_id
         WHERE s.grant_id = $1 AND s.final = $3 AND (s.report_id IS NULL OR r.status = 'returned')
         ORDER BY s.n LIMIT 1)`,
      [grantId, reportId, final],
    );
  }

  async writeReportLines(
    em: EntityManager,
    reportId: string,
    lines: readonly { n: number; spent: number }[],
  ): Promise<void> {
    if (!lines.length) return;
    await em.query(
      `INSERT INTO grant_report_lines (report_id, n, spent)
       SELECT $1, l.n, l.spent FROM jsonb_to_recordset($2::jsonb) AS l(n int, spent bigint)`,
      [reportId, JSON.stringify(lines)],
    );
  }

  /** Spending per budget line over the grant's submitted and accepted reports. */
  async spentByLine(em: EntityManager, grantId: string): Promise<Map<number, number>> {
    const rows: { n: number; spent: string }[] = await em.query(
      `SELECT l.n, sum(l.spent)::bigint AS spent FROM grant_report_lines l
       JOIN grant_reports r ON r.id = l.report_id AND r.status IN ('submitted', 'accepted')
       WHERE r.grant_id = $1 GROUP BY l.n`,
      [grantId],
    );
    return new Map(rows.map((r) => [r.n, minor(r.spent, 'spent')]));
  }

  /**
   * Schedule entries with no report in (none, or one sent back) due within `days` and not reminded yet; claims
   * them, so each reminder goes once.
   */
  async claimDueSoon(em: EntityManager, today: string, days: number): Promise<ScheduleClaim[]> {
    return em.query(
      `WITH c AS (UPDATE grant_report_schedule s SET reminded_at = now()
         FROM grants g WHERE g.id = s.grant_id AND g.status = 'active' AND ${RUNNING} AND s.reminded_at IS NULL
           AND s.due_on >= $1::date AND s.due_on <= $1::date + $2::int
           AND NOT EXISTS (SELECT 1 FROM grant_reports r WHERE r.id = s.report_id AND r.status <> 'returned')
         RETURNING s.grant_id, s.n, s.final, to_char(s.due_on, 'YYYY-MM-DD') AS due_on) SELECT * FROM c`,
      [today, days],
    );
  }

  /** Entries past their due date with no report in, not yet noticed; claims them. */
  async claimOverdue(em: EntityManager, today: string): Promise<ScheduleClaim[]> {
    return em.query(
      `WITH c AS (UPDATE grant_report_schedule s SET overdue_noticed_at = now()
         FROM grants g WHERE g.id = s.grant_id AND g.status = 'active' AND ${RUNNING} AND s.overdue_noticed_at IS NULL
           AND s.due_on < $1::date
           AND NOT EXISTS (SELECT 1 FROM grant_reports r WHERE r.id = s.report_id AND r.status <> 'returned')
         RETURNING s.grant_id, s.n, s.final, to_char(s.due_on, 'YYYY-MM-DD') AS due_on) SELECT * FROM c`,
      [today],
    );
  }
}

/**
 * A grant whose scheduled reports are reminded: the full workflow's, once the offer is accepted (the simple
 * workflow keeps the six-monthly `grants.report-reminders` it had).
 */
const RUNNING = `g.offer_state = 'accepted'`;

export interface ScheduleClaim {
  grant_id: string;
  n: number;
  final: boolean;
  due_on: string;
}
