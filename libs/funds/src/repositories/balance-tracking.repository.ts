import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { EQUITY_ACCOUNTS } from '../domain/accounts';
import { BalanceFigures } from '../domain/balance';
import { SNAPSHOT_FIELDS, SnapshotField } from './snapshots.repository';

/** The balance job's own state of a fund: up to which posting it looked, and the available balance then. */
export interface TrackingState {
  coveredSeq: number;
  available: number;
}

/** A posting the balance job has not covered yet, with what it moved the available balance by. */
export interface UncoveredPosting {
  id: string;
  seq: number;
  delta: number;
}

/** A fund's running balances beside what its ledger entries add up to (the nightly reconciliation). */
export interface FundReconciliation {
  fundId: string;
  /** Accounts whose running balance differs from the sum of their entries. */
  accounts: string[];
  available: number;
  derived: number;
}

export interface NewCrossingAlert {
  fundId: string;
  direction: 'up' | 'down';
  available: number;
  target: number;
  postingId: string;
  at: Date;
}

export interface NewDriftAlert {
  fundId: string;
  available: number;
  runId: string;
  detail: Record<string, unknown>;
  at: Date;
}

interface PostingCoverageRow {
  fund_id: string;
  seq: string;
  covered: string;
}

interface TrackingStateRow {
  covered_seq: string;
  available: string;
}

interface UncoveredPostingRow {
  id: string;
  seq: string;
  delta: string;
}

interface ReconciliationRow {
  fund_id: string;
  accounts: string[] | null;
  available: string;
  derived: string;
}

type SnapshotFiguresRow = Record<SnapshotField, string>;

const TRACKING_STATE_COLUMNS = `covered_seq, available`;

const toTrackingState = (r: TrackingStateRow): TrackingState => ({
  coveredSeq: minor(r.covered_seq, 'covered_seq'),
  available: minor(r.available, 'available'),
});

const toUncoveredPosting = (r: UncoveredPostingRow): UncoveredPosting => ({
  id: r.id,
  seq: minor(r.seq, 'seq'),
  delta: minor(r.delta, 'delta'),
});

const toReconciliation = (r: ReconciliationRow): FundReconciliation => ({
  fundId: r.fund_id,
  accounts: r.accounts ?? [],
  available: minor(r.available, 'available'),
  derived: minor(r.derived, 'derived available'),
});

const toSnapshotFigures = (r: SnapshotFiguresRow): Record<SnapshotField, number> =>
  Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, minor(r[f], f)])) as Record<SnapshotField, number>;

/**
 * SQL of the balance jobs (funds context): `fund_balance_state`, the crossing and drift alerts
 * (`fund_alerts`), the change snapshots (`fund_balance_snapshots`) and the ledger reads they need.
 */
export class BalanceTrackingRepository {
  /** The fund's code and name (for the managers' notification). */
  async fundLabel(em: EntityManager, fundId: string): Promise<{ code: string; name: string } | undefined> {
    const [row]: { code: string; name: string }[] = await em.query(
      `SELECT code, name FROM funds WHERE id = $1`,
      [fundId],
    );
    return row;
  }

  /** Every fund's id, oldest first (the daily snapshots' run). */
  async fundIds(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM funds ORDER BY created_at`);
    return rows.map((r) => r.id);
  }

  /** The fund's balance advisory lock, held to the end of the transaction (one recalculation at a time). */
  async lockFund(em: EntityManager, fundId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('tfg:balance:' || $1))`, [fundId]);
  }

  /** The posting's fund and seq beside the job's covered seq (0 before the first recalculation). */
  async postingCoverage(
    em: EntityManager,
    postingId: string,
  ): Promise<{ fundId: string; seq: number; coveredSeq: number } | undefined> {
    const [row]: PostingCoverageRow[] = await em.query(
      `SELECT p.fund_id, p.seq, coalesce(s.covered_seq, 0) AS covered
       FROM ledger_postings p LEFT JOIN fund_balance_state s ON s.fund_id = p.fund_id WHERE p.id = $1`,
      [postingId],
    );
    return (
      row && {
        fundId: row.fund_id,
        seq: minor(row.seq, 'seq'),
        coveredSeq: minor(row.covered, 'covered_seq'),
      }
    );
  }

  /** The job's state of the fund, created (nothing covered) when it has none yet. */
  async ensureState(em: EntityManager, fundId: string): Promise<TrackingState> {
    await em.query(`INSERT INTO fund_balance_state (fund_id) VALUES ($1) ON CONFLICT DO NOTHING`, [fundId]);
    const [row]: TrackingStateRow[] = await em.query(
      `SELECT ${TRACKING_STATE_COLUMNS} FROM fund_balance_state WHERE fund_id = $1`,
      [fundId],
    );
    return toTrackingState(row);
  }

  async saveState(
    em: EntityManager,
    fundId: string,
    coveredSeq: number,
    available: number,
    at: Date,
  ): Promise<void> {
    await em.query(
      `UPDATE fund_balance_state SET covered_seq = $2, available = $3, checked_at = $4 WHERE fund_id = $1`,
      [fundId, coveredSeq, available, at],
    );
  }

  /** The fund's postings after `coveredSeq`, in seq order, each with its change of the available balance. */
  async postingsAfter(em: EntityManager, fundId: string, coveredSeq: number): Promise<UncoveredPosting[]> {
    const rows: UncoveredPostingRow[] = await em.query(
      `SELECT p.id, p.seq,
         -coalesce(sum(e.amount) FILTER (WHERE e.account = ANY($3::text[])), 0)::bigint AS delta
       FROM ledger_postings p JOIN ledger_entries e ON e.posting_id = p.id
       WHERE p.fund_id = $1 AND p.seq > $2 GROUP BY p.id, p.seq ORDER BY p.seq`,
      [fundId, coveredSeq, EQUITY_ACCOUNTS],
    );
    return rows.map(toUncoveredPosting);
  }

  /** The direction of the fund's last crossing alert, if any. */
  async lastCrossing(em: EntityManager, fundId: string): Promise<'up' | 'down' | undefined> {
    const [row]: { direction: 'up' | 'down' }[] = await em.query(
      `SELECT direction FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing' ORDER BY seq DESC LIMIT 1`,
      [fundId],
    );
    return row?.direction;
  }

  /** Records a crossing with the next crossing number of the fund; returns the alert's id. */
  async insertCrossing(em: EntityManager, a: NewCrossingAlert): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO fund_alerts (fund_id, type, seq, direction, available, target, posting_id, at)
       SELECT $1, 'crossing', coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6
       FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing'
       RETURNING id`,
      [a.fundId, a.direction, a.available, a.target, a.postingId, a.at],
    );
    return row.id;
  }

  /** Records a drift found by a reconciliation run (once per fund and run). */
  async insertDrift(em: EntityManager, a: NewDriftAlert): Promise<void> {
    await em.query(
      `INSERT INTO fund_alerts (fund_id, type, available, target, run_id, detail, at)
       SELECT $1, 'drift', $2, new_call_target, $3, $4, $5 FROM funds WHERE id = $1
       ON CONFLICT (fund_id, run_id) WHERE type = 'drift' DO NOTHING`,
      [a.fundId, a.available, a.runId, JSON.stringify(a.detail), a.at],
    );
  }

  /** The figures of the fund's last snapshot, if any. */
  async lastSnapshot(em: EntityManager, fundId: string): Promise<Record<SnapshotField, number> | undefined> {
    const [row]: SnapshotFiguresRow[] = await em.query(
      `SELECT ${SNAPSHOT_FIELDS.join(', ')} FROM fund_balance_snapshots WHERE fund_id = $1 ORDER BY id DESC LIMIT 1`,
      [fundId],
    );
    return row && toSnapshotFigures(row);
  }

  async insertSnapshot(
    em: EntityManager,
    fundId: string,
    figures: BalanceFigures,
    reason: string,
    at: Date,
  ): Promise<void> {
    await em.query(
      `INSERT INTO fund_balance_snapshots (fund_id, ${SNAPSHOT_FIELDS.join(', ')}, reason, at)
       VALUES ($1, ${SNAPSHOT_FIELDS.map((_, i) => `$${i + 2}`).join(', ')}, $${SNAPSHOT_FIELDS.length + 2},
         $${SNAPSHOT_FIELDS.length + 3})`,
      [fundId, ...SNAPSHOT_FIELDS.map((f) => figures[f]), reason, at],
    );
  }

  /** Every fund's account balances and available balance beside what its ledger entries add up to. */
  async reconciliation(em: EntityManager): Promise<FundReconciliation[]> {
    const rows: ReconciliationRow[] = await em.query(
      `SELECT f.id AS fund_id,
         (SELECT array_agg(b.account ORDER BY b.account) FROM ledger_balances b
           LEFT JOIN (SELECT account, sum(amount) AS s FROM ledger_entries WHERE fund_id = f.id GROUP BY account) e
             ON e.account = b.account
           WHERE b.fund_id = f.id AND b.balance <> coalesce(e.s, 0)) AS accounts,
         coalesce(fb.available, 0)::text AS available,
         (-(SELECT coalesce(sum(amount), 0) FROM ledger_entries
            WHERE fund_id = f.id AND account = ANY($1::text[])))::bigint::text AS derived
       FROM funds f LEFT JOIN fund_balances fb ON fb.fund_id = f.id`,
      [EQUITY_ACCOUNTS],
    );
    return rows.map(toReconciliation);
  }
}
