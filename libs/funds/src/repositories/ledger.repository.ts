import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { EQUITY_ACCOUNTS } from '../domain/accounts';

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

/** SQL of the ledger's own tables beyond the posting statement itself (which lives in LedgerService). */
@Injectable()
export class LedgerRepository {
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
