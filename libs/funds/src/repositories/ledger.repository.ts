import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BalanceChangedPayload, JOB, minor } from '@app/core';
import { Account, ACCOUNTS, EQUITY_ACCOUNTS, PostingRequest } from '../domain/accounts';

/** The balance job's state of a fund beside what `fund_balances` says it should be. */
export interface BalanceStateCheck {
  fundId: string;
  coveredSeq: number;
  /** What the balance job recorded as available after posting `coveredSeq`. */
  stateAvailable: number;
  /** `fund_balances.available` less the postings the job has not covered yet. */
  expectedAvailable: number;
  /** `fund_balances.available`, for the audit row. */
  available: number;
}

interface BalanceStateRow {
  fund_id: string;
  covered_seq: string;
  state_available: string;
  expected_available: string;
  available: string;
}

const toBalanceStateCheck = (r: BalanceStateRow): BalanceStateCheck => ({
  fundId: r.fund_id,
  coveredSeq: minor(r.covered_seq, 'covered_seq'),
  stateAvailable: minor(r.state_available, 'state available'),
  expectedAvailable: minor(r.expected_available, 'expected available'),
  available: minor(r.available, 'available'),
});

/** The fund's closed period: no money may take effect on or before `closedThrough` (a UTC day). */
export interface ClosedPeriod {
  fundId: string;
  closedThrough: string | null;
  closedAt: Date | null;
}

interface ClosedPeriodRow {
  fund_id: string;
  closed_through: string | null;
  closed_at: Date | null;
}

const toClosedPeriod = (r: ClosedPeriodRow): ClosedPeriod => ({
  fundId: r.fund_id,
  closedThrough: r.closed_through,
  closedAt: r.closed_at,
});

const CLOSED_PERIOD_COLUMNS = `fund_id, to_char(closed_through, 'YYYY-MM-DD') AS closed_through, closed_at`;

/**
 * A caller's own write (an INSERT or UPDATE, parameters numbered from `first`) to run in the posting's
 * statement, so it costs no round trip of its own under the fund's lock. `counted`: it has a RETURNING
 * clause and the caller wants the number of rows.
 */
export type AlsoWrite = (first: number) => { sql: string; params: unknown[]; counted?: boolean };

export interface NewPosting {
  request: PostingRequest;
  createdBy: string | null;
  /** Each account's net change (accounts in ACCOUNTS order, none zero). */
  moves: { account: Account; amount: number }[];
  /** The change of the available balance. */
  delta: number;
  alsoWrite: readonly AlsoWrite[];
}

/** The posting statement's result: the posting's id, the available balance after it, the counted parts. */
export interface PostingRow {
  id: string;
  /** Null when the fund has no balance row. */
  available: number | null;
  /** For each `alsoWrite` part marked `counted`, in order: the number of rows its RETURNING gave. */
  counts: number[];
}

/** The `funds.balance-changed` payload as the posting statement builds it: one SQL value per field. */
const BALANCE_CHANGED_PAYLOAD = { fundId: '$1::uuid', postingId: 'p.id' } satisfies Record<
  keyof BalanceChangedPayload,
  string
>;

/** SQL of the ledger's own tables (funds context): postings, entries, balances, the balance job's state. */
@Injectable()
export class LedgerRepository {
  /** Locks the fund's available row; undefined when the fund has none. */
  async lockAvailable(em: EntityManager, fundId: string): Promise<number | undefined> {
    const [row]: { available: string }[] = await em.query(
      `SELECT available FROM fund_balances WHERE fund_id = $1 FOR UPDATE`,
      [fundId],
    );
    return row && minor(row.available, 'available');
  }

  /**
   * Posts in one statement: the posting, its entries, the account balances, the available row and the
   * balance-changed outbox row (plus the caller's `alsoWrite` rows). Returns the posting's id, the available
   * balance after it and, for each `alsoWrite` part marked `counted`, in order, the rows its RETURNING gave.
   */
  async insertPosting(em: EntityManager, p: NewPosting): Promise<PostingRow | undefined> {
    const params: unknown[] = [
      p.request.fundId,
      p.request.kind,
      p.request.sourceType,
      p.request.sourceId,
      p.request.description,
      p.request.effectiveAt,
      p.createdBy,
      p.request.lines.map((l) => l.account),
      p.request.lines.map((l) => l.amount),
      p.moves.map((m) => m.account),
      p.moves.map((m) => m.amount),
      JOB.BALANCE_CHANGED,
      p.delta,
    ];
    // The fund's available row is locked before the posting row (and its seq) exists, for every delta: p
    // inserts FROM f, so its seq is drawn only once f holds the lock, and seq order is commit order within
    // a fund. delta > 0: f updates (and so locks) the row here; delta <= 0: the caller locked it already (lockAvailable)
    // and f only reads it (a delta of 0 leaves the row as it is).
    const ctes = [
      p.delta !== 0
        ? `f AS (UPDATE fund_balances SET available = available + $13::bigint, updated_at = now()
                 WHERE fund_id = $1 RETURNING available)`
        : `f AS (SELECT available FROM fund_balances WHERE fund_id = $1 AND $13::bigint = 0)`,
      `p AS (
         INSERT INTO ledger_postings (fund_id, kind, source_type, source_id, description, effective_at, created_by)
         SELECT $1, $2, $3, $4, $5, $6, $7 FROM f RETURNING id)`,
      `e AS (
         INSERT INTO ledger_entries (posting_id, fund_id, account, amount, effective_at)
         SELECT p.id, $1, l.account, l.amount, $6
         FROM p, unnest($8::text[], $9::bigint[]) WITH ORDINALITY AS l(account, amount, n) ORDER BY l.n)`,
      `b AS (
         UPDATE ledger_balances b SET balance = b.balance + m.delta
         FROM unnest($10::text[], $11::bigint[]) AS m(account, delta)
         WHERE b.fund_id = $1 AND b.account = m.account AND EXISTS (SELECT FROM p))`,
      `o AS (
         INSERT INTO outbox (name, payload)
         SELECT $12, jsonb_build_object(${Object.entries(BALANCE_CHANGED_PAYLOAD)
           .map(([field, value]) => `'${field}', ${value}`)
           .join(', ')}) FROM p)`,
    ];
    const counted: string[] = [];
    p.alsoWrite.forEach((write, i) => {
      const part = write(params.length + 1);
      params.push(...part.params);
      ctes.push(`w${i} AS (${part.sql})`);
      if (part.counted) counted.push(`w${i}`);
    });
    const [row]: (Record<string, string | null> & { id: string; available: string | null })[] =
      await em.query(
        `WITH ${ctes.join(',\n')}
       SELECT p.id, (SELECT available FROM f)::text AS available${counted.map((c) => `, (SELECT count(*) FROM ${c})::bigint AS ${c}`).join('')}
       FROM p`,
        params,
      );
    if (!row) return undefined;
    return {
      id: row.id,
      available: row.available === null ? null : minor(row.available, 'available'),
      counts: counted.map((c) => minor(row[c], 'count')),
    };
  }

  /** Creates the account rows and the available row of a new fund. */
  async openFund(em: EntityManager, fundId: string): Promise<void> {
    await em.query(`INSERT INTO ledger_balances (fund_id, account) SELECT $1, unnest($2::text[])`, [
      fundId,
      [...ACCOUNTS],
    ]);
    await em.query(`INSERT INTO fund_balances (fund_id) VALUES ($1)`, [fundId]);
  }

  /**
   * Compares the balance job's `fund_balance_state` with `fund_balances`, in one statement (one snapshot):
   * the state must equal the available row less the deltas of the postings after `covered_seq`. Call it
   * while holding the fund's balance advisory lock, so no recalculation moves the state meanwhile.
   */
  async balanceState(em: EntityManager, fundId: string): Promise<BalanceStateCheck | undefined> {
    const [row]: BalanceStateRow[] = await em.query(
      `SELECT s.fund_id, s.covered_seq::text AS covered_seq, s.available::text AS state_available,
         fb.available::text AS available,
         (fb.available + coalesce((SELECT sum(e.amount) FROM ledger_postings p
            JOIN ledger_entries e ON e.posting_id = p.id
            WHERE p.fund_id = s.fund_id AND p.seq > s.covered_seq AND e.account = ANY($2::text[])), 0)
         )::bigint::text AS expected_available
       FROM fund_balance_state s JOIN fund_balances fb ON fb.fund_id = s.fund_id
       WHERE s.fund_id = $1`,
      [fundId, EQUITY_ACCOUNTS],
    );
    return row && toBalanceStateCheck(row);
  }

  async repairBalanceState(em: EntityManager, fundId: string, available: number): Promise<void> {
    await em.query(`UPDATE fund_balance_state SET available = $2, checked_at = now() WHERE fund_id = $1`, [
      fundId,
      available,
    ]);
  }

  /** Locks the fund's available row (the lock every posting takes first) and reads its closed period. */
  async lockClosedPeriod(em: EntityManager, fundId: string): Promise<ClosedPeriod | undefined> {
    const [row]: ClosedPeriodRow[] = await em.query(
      `SELECT ${CLOSED_PERIOD_COLUMNS} FROM fund_balances WHERE fund_id = $1 FOR UPDATE`,
      [fundId],
    );
    return row && toClosedPeriod(row);
  }

  async setClosedThrough(
    em: EntityManager,
    fundId: string,
    through: string,
    at: Date,
  ): Promise<ClosedPeriod> {
    const [row]: ClosedPeriodRow[] = await em.query(
      `WITH u AS (UPDATE fund_balances SET closed_through = $2::date, closed_at = $3 WHERE fund_id = $1
                  RETURNING fund_id, closed_through, closed_at)
       SELECT ${CLOSED_PERIOD_COLUMNS} FROM u`,
      [fundId, through, at],
    );
    return toClosedPeriod(row);
  }
}
