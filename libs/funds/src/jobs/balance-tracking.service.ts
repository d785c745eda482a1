import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, Clock, minor, SYSTEM_ACTOR } from '@app/core';
import { NotificationsService } from '@app/identity';
import { BalanceService, FundBalance } from '../balance.service';
import { EQUITY_ACCOUNTS } from '../domain/accounts';
import { BalanceStateCheck, LedgerRepository } from '../repositories/ledger.repository';
import { SNAPSHOT_FIELDS } from '../snapshots.service';

export type SnapshotReason = 'change' | 'daily' | 'manual';

export interface RecalculationResult {
  /** false when an earlier recalculation already covered the posting (the burst was coalesced). */
  recalculated: boolean;
  snapshot: boolean;
  alerts: { id: string; direction: 'up' | 'down' }[];
}

const SKIPPED: RecalculationResult = { recalculated: false, snapshot: false, alerts: [] };

/**
 * The fund balance against the new-call target, kept up to date by jobs.
 *
 * Coalescing: every posting of a fund gets the next `seq` while the fund's balance row is locked, so seq
 * order is commit order within a fund. `fund_balance_state.covered_seq` says up to which posting the last
 * recalculation looked. A `funds.balance-changed` job whose posting is already covered returns at once
 * (one indexed read); otherwise it takes the fund's advisory lock and covers every posting committed so
 * far. A burst of 1,000 postings thus costs one or a few recalculations, and the last one always sees the
 * last posting, because its job runs only after that posting committed.
 *
 * Crossings: the recalculation walks the new postings in seq order, so a rise above the target and a fall
 * below it inside one burst are both seen. The alert's crossing number comes from the previous alert; the
 * table's UNIQUE (fund_id, seq) and odd-up/even-down CHECK make a second alert for one crossing impossible.
 */
@Injectable()
export class BalanceTrackingService {
  private readonly logger = new Logger(BalanceTrackingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: BalanceService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly ledgerRows: LedgerRepository,
    private readonly audit: AuditService,
  ) {}

  /** Handles one `funds.balance-changed` event; returns null when the posting does not exist. */
  async onPosting(fundId: string, postingId: string): Promise<RecalculationResult | null> {
    const rows: { fund_id: string; seq: string; covered: string }[] = await this.dataSource.query(
      `SELECT p.fund_id, p.seq, coalesce(s.covered_seq, 0) AS covered
       FROM ledger_postings p LEFT JOIN fund_balance_state s ON s.fund_id = p.fund_id WHERE p.id = $1`,
      [postingId],
    );
    if (!rows.length || rows[0].fund_id !== fundId) return null;
    const seq = minor(rows[0].seq, 'seq');
    if (seq <= minor(rows[0].covered, 'covered_seq')) return SKIPPED;
    return this.recalculate(fundId, 'change', seq);
  }

  /**
   * Covers every committed posting of the fund: crossing alerts, then a snapshot when anything changed
   * (always for 'daily' and 'manual'). With `needSeq`, returns at once if that posting is covered already.
   */
  async recalculate(fundId: string, reason: SnapshotReason, needSeq = 0): Promise<RecalculationResult> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('tfg:balance:' || $1))`, [fundId]);
      await em.query(`INSERT INTO fund_balance_state (fund_id) VALUES ($1) ON CONFLICT DO NOTHING`, [fundId]);
      const [state]: { covered_seq: string; available: string }[] = await em.query(
        `SELECT covered_seq, available FROM fund_balance_state WHERE fund_id = $1`,
        [fundId],
      );
      const covered = minor(state.covered_seq, 'covered_seq');
      if (needSeq > 0 && covered >= needSeq) return SKIPPED;

      const postings: { id: string; seq: string; delta: string }[] = await em.query(
        `SELECT p.id, p.seq,
           -coalesce(sum(e.amount) FILTER (WHERE e.account = ANY($3::text[])), 0)::bigint AS delta
         FROM ledger_postings p JOIN ledger_entries e ON e.posting_id = p.id
         WHERE p.fund_id = $1 AND p.seq > $2 GROUP BY p.id, p.seq ORDER BY p.seq`,
        [fundId, covered, EQUITY_ACCOUNTS],
      );
      // One reading of the injectable clock for the balance, the alerts and the snapshot (a replay keeps its dates).
      const at = this.clock.now();
      const balance = await this.balances.now(fundId, at, em);
      const alerts = await this.crossings(
        em,
        fundId,
        minor(state.available, 'available'),
        postings,
        balance,
        at,
      );
      let available = minor(state.available, 'available');
      for (const p of postings) available = minor(BigInt(available) + BigInt(p.delta), 'available');
      if (postings.length) {
        await em.query(
          `UPDATE fund_balance_state SET covered_seq = $2, available = $3, checked_at = $4 WHERE fund_id = $1`,
          [fundId, postings[postings.length - 1].seq, available, at],
        );
      }
      const snapshot = await this.snapshot(em, fundId, balance, reason, at);
      return { recalculated: true, snapshot, alerts };
    });
  }

  private async crossings(
    em: EntityManager,
    fundId: string,
    startAvailable: number,
    postings: { id: string; delta: string }[],
    balance: FundBalance,
    at: Date,
  ): Promise<{ id: string; direction: 'up' | 'down' }[]> {
    if (!postings.length) return [];
    const target = balance.target;
    const [last]: { direction: 'up' | 'down' }[] = await em.query(
      `SELECT direction FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing' ORDER BY seq DESC LIMIT 1`,
      [fundId],
    );
    let above = last?.direction === 'up';
    let available = startAvailable;
    const raised: { id: string; direction: 'up' | 'down' }[] = [];
    for (const p of postings) {
      available = minor(BigInt(available) + BigInt(p.delta), 'available');
      const nowAbove = available >= target;
      if (nowAbove === above) continue;
      above = nowAbove;
      const direction = nowAbove ? 'up' : 'down';
      const [alert]: { id: string; at: Date }[] = await em.query(
        `INSERT INTO fund_alerts (fund_id, type, seq, direction, available, target, posting_id, at)
         SELECT $1, 'crossing', coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6
         FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing'
         RETURNING id, at`,
        [fundId, direction, available, target, p.id, at],
      );
      raised.push({ id: alert.id, direction });
      await this.notifyManagers(em, fundId, alert.id, direction, available, target, balance.currency);
    }
    return raised;
  }

  private async notifyManagers(
    em: EntityManager,
    fundId: string,
    alertId: string,
    direction: 'up' | 'down',
    available: number,
    target: number,
    currency: string,
  ): Promise<void> {
    const [fund]: { code: string; name: string }[] = await em.query(
      `SELECT code, name FROM funds WHERE id = $1`,
      [fundId],
    );
    const money = (minor: number) =>
      `${currency} ${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    // Read through the transaction's own connection: a second pool connection taken while this
    // transaction holds the fund's lock could wait forever behind jobs queued on that same lock.
    const managers = (
      (await em.query(
        `SELECT id FROM users WHERE active AND 'fund_manager' = ANY(roles)
           AND (cardinality(fund_ids) = 0 OR $1::uuid = ANY(fund_ids)) ORDER BY created_at`,
        [fundId],
      )) as { id: string }[]
    ).map((u) => u.id);
    await this.notifications.notifyUsers(
      managers,
      {
        eventId: `fund-alert:${alertId}`,
        kind: `fund.target_${direction}`,
        subject:
          direction === 'up'
            ? `${fund.code}: the available balance reached the new-call target`
            : `${fund.code}: the available balance fell below the new-call target`,
        body:
          `${fund.name}: available ${money(available)}, new-call target ${money(target)} ` +
          `(${direction === 'up' ? 'at or above' : 'below'} the target).`,
      },
      em,
    );
  }

  private async snapshot(
    em: EntityManager,
    fundId: string,
    now: FundBalance,
    reason: SnapshotReason,
    at: Date,
  ): Promise<boolean> {
    const [last]: Record<string, string>[] = await em.query(
      `SELECT ${SNAPSHOT_FIELDS.join(', ')} FROM fund_balance_snapshots WHERE fund_id = $1 ORDER BY id DESC LIMIT 1`,
      [fundId],
    );
    if (reason === 'change' && last && SNAPSHOT_FIELDS.every((f) => minor(last[f], f) === now[f]))
      return false;
    await em.query(
      `INSERT INTO fund_balance_snapshots (fund_id, ${SNAPSHOT_FIELDS.join(', ')}, reason, at)
       VALUES ($1, ${SNAPSHOT_FIELDS.map((_, i) => `$${i + 2}`).join(', ')}, $${SNAPSHOT_FIELDS.length + 2},
         $${SNAPSHOT_FIELDS.length + 3})`,
      [fundId, ...SNAPSHOT_FIELDS.map((f) => now[f]), reason, at],
    );
    return true;
  }

  async fundIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM funds ORDER BY created_at`);
    return rows.map((r) => r.id);
  }

  /**
   * Recomputes every fund's account balances and available balance from the ledger entries and compares
   * them with the running balances, and compares the balance job's state (`fund_balance_state`) with
   * `fund_balances`. A drifted job state is repaired (and audited); any difference becomes a `drift` alert
   * (once per fund and run).
   */
  async reconcile(runId: string): Promise<{ funds: number; drifted: string[] }> {
    const rows: { fund_id: string; accounts: string[] | null; available: string; derived: string }[] =
      await this.dataSource.query(
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
    const drifted: string[] = [];
    for (const r of rows) {
      const accounts = r.accounts ?? [];
      const available = minor(r.available, 'available');
      const derived = minor(r.derived, 'derived available');
      const state = await this.repairState(r.fund_id, runId);
      if (!accounts.length && available === derived && !state) continue;
      drifted.push(r.fund_id);
      this.logger.error(
        `balance drift in fund ${r.fund_id}: accounts ${accounts.join(',')}` +
          (state
            ? `; job state ${state.stateAvailable}, expected ${state.expectedAvailable} (repaired)`
            : ''),
      );
      await this.dataSource.query(
        `INSERT INTO fund_alerts (fund_id, type, available, target, run_id, detail, at)
         SELECT $1, 'drift', $2, new_call_target, $3, $4, $5 FROM funds WHERE id = $1
         ON CONFLICT (fund_id, run_id) WHERE type = 'drift' DO NOTHING`,
        [
          r.fund_id,
          available,
          runId,
          JSON.stringify({ accounts, available, derived, balanceState: state }),
          this.clock.now(),
        ],
      );
    }
    return { funds: rows.length, drifted };
  }

  /**
   * Under the fund's balance lock (no recalculation runs meanwhile): when the job's recorded available
   * differs from `fund_balances` less the postings it has not covered yet, sets it right and audits it.
   * Returns the difference found, or null.
   */
  private async repairState(fundId: string, runId: string): Promise<BalanceStateCheck | null> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('tfg:balance:' || $1))`, [fundId]);
      const check = await this.ledgerRows.balanceState(em, fundId);
      if (!check || check.stateAvailable === check.expectedAvailable) return null;
      await this.ledgerRows.repairBalanceState(em, fundId, check.expectedAvailable);
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'fund.balance-state-repaired',
        entity: 'fund',
        entityId: fundId,
        summary: { runId, ...check },
      });
      return check;
    });
  }
}
