import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, Clock, formatMinorNumber, JOB, minor, OutboxService, SYSTEM_ACTOR } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { BalanceService, FundBalance } from '../balance.service';
import { BalanceTrackingRepository, UncoveredPosting } from '../repositories/balance-tracking.repository';
import { BalanceStateCheck, LedgerRepository } from '../repositories/ledger.repository';
import { SNAPSHOT_FIELDS } from '../repositories/snapshots.repository';
import { fundNoticeTemplates } from './fund-notice-texts';

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

  /** Stateless SQL; built here rather than injected, as tests build this service from the API's providers. */
  private readonly tracking = new BalanceTrackingRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: BalanceService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly ledgerRows: LedgerRepository,
    private readonly audit: AuditService,
    /** Absent where a test builds the service by hand: the forecast is then not asked for. */
    private readonly outbox?: OutboxService,
  ) {}

  /** Handles one `funds.balance-changed` event; returns null when the posting does not exist. */
  async onPosting(fundId: string, postingId: string): Promise<RecalculationResult | null> {
    const posting = await this.tracking.postingCoverage(this.dataSource.manager, postingId);
    if (!posting || posting.fundId !== fundId) return null;
    if (posting.seq <= posting.coveredSeq) return SKIPPED;
    return this.recalculate(fundId, 'change', posting.seq);
  }

  /**
   * Covers every committed posting of the fund: crossing alerts, then a snapshot when anything changed
   * (always for 'daily' and 'manual'). With `needSeq`, returns at once if that posting is covered already.
   */
  async recalculate(fundId: string, reason: SnapshotReason, needSeq = 0): Promise<RecalculationResult> {
    return this.dataSource.transaction(async (em) => {
      await this.tracking.lockFund(em, fundId);
      const state = await this.tracking.ensureState(em, fundId);
      if (needSeq > 0 && state.coveredSeq >= needSeq) return SKIPPED;

      const postings = await this.tracking.postingsAfter(em, fundId, state.coveredSeq);
      // One reading of the injectable clock for the balance, the alerts and the snapshot (a replay keeps its dates).
      const at = this.clock.now();
      const balance = await this.balances.nowIn(em, fundId, at);
      const alerts = await this.crossings(em, fundId, state.available, postings, balance, at);
      let available = state.available;
      for (const p of postings) available = minor(BigInt(available) + BigInt(p.delta), 'available');
      if (postings.length) {
        await this.tracking.saveState(em, fundId, postings[postings.length - 1].seq, available, at);
      }
      const snapshot = await this.snapshot(em, fundId, balance, reason, at);
      // The forecast follows every money event and the daily run, coalesced by fund like this job.
      if (postings.length || reason !== 'change') await this.outbox?.add(em, JOB.FORECAST, { fundId });
      return { recalculated: true, snapshot, alerts };
    });
  }

  private async crossings(
    em: EntityManager,
    fundId: string,
    startAvailable: number,
    postings: UncoveredPosting[],
    balance: FundBalance,
    at: Date,
  ): Promise<{ id: string; direction: 'up' | 'down' }[]> {
    if (!postings.length) return [];
    const target = balance.target;
    let above = (await this.tracking.lastCrossing(em, fundId)) === 'up';
    let available = startAvailable;
    const raised: { id: string; direction: 'up' | 'down' }[] = [];
    for (const p of postings) {
      available = minor(BigInt(available) + BigInt(p.delta), 'available');
      const nowAbove = available >= target;
      if (nowAbove === above) continue;
      above = nowAbove;
      const direction = nowAbove ? 'up' : 'down';
      const alertId = await this.tracking.insertCrossing(em, {
        fundId,
        direction,
        available,
        target,
        postingId: p.id,
        at,
      });
      raised.push({ id: alertId, direction });
      await this.notifyManagers(em, fundId, alertId, direction, available, target, balance.currency);
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
    const fund = await this.tracking.fundLabel(em, fundId);
    if (!fund) return;
    // Read through the transaction's own connection: a second pool connection taken while this
    // transaction holds the fund's lock could wait forever behind jobs queued on that same lock.
    const managers = await this.notifications.usersWithRoleIn(em, 'fund_manager', fundId);
    await this.notifications.notifyUsersIn(em, managers, {
      eventId: `fund-alert:${alertId}`,
      kind: `fund.target_${direction}`,
      // each manager in their language, the amounts exact in its form
      ...noticeTexts(fundNoticeTemplates(direction === 'up' ? 'targetUp' : 'targetDown'), (locale) => ({
        code: fund.code,
        name: fund.name,
        currency,
        available: formatMinorNumber(available, currency, locale),
        target: formatMinorNumber(target, currency, locale),
      })),
    });
  }

  private async snapshot(
    em: EntityManager,
    fundId: string,
    now: FundBalance,
    reason: SnapshotReason,
    at: Date,
  ): Promise<boolean> {
    const last = await this.tracking.lastSnapshot(em, fundId);
    if (reason === 'change' && last && SNAPSHOT_FIELDS.every((f) => last[f] === now[f])) return false;
    await this.tracking.insertSnapshot(em, fundId, now, reason, at);
    return true;
  }

  async fundIds(): Promise<string[]> {
    return this.tracking.fundIds(this.dataSource.manager);
  }

  /**
   * Recomputes every fund's account balances and available balance from the ledger entries and compares
   * them with the running balances, and compares the balance job's state (`fund_balance_state`) with
   * `fund_balances`. A drifted job state is repaired (and audited); any difference becomes a `drift` alert
   * (once per fund and run).
   */
  async reconcile(runId: string): Promise<{ funds: number; drifted: string[] }> {
    const funds = await this.tracking.reconciliation(this.dataSource.manager);
    const drifted: string[] = [];
    for (const r of funds) {
      const { accounts, available, derived } = r;
      const state = await this.repairState(r.fundId, runId);
      if (!accounts.length && available === derived && !state) continue;
      drifted.push(r.fundId);
      this.logger.error(
        `balance drift in fund ${r.fundId}: accounts ${accounts.join(',')}` +
          (state
            ? `; job state ${state.stateAvailable}, expected ${state.expectedAvailable} (repaired)`
            : ''),
      );
      await this.tracking.insertDrift(this.dataSource.manager, {
        fundId: r.fundId,
        available,
        runId,
        detail: { accounts, available, derived, balanceState: state },
        at: this.clock.now(),
      });
    }
    return { funds: funds.length, drifted };
  }

  /**
   * Under the fund's balance lock (no recalculation runs meanwhile): when the job's recorded available
   * differs from `fund_balances` less the postings it has not covered yet, sets it right and audits it.
   * Returns the difference found, or null.
   */
  private async repairState(fundId: string, runId: string): Promise<BalanceStateCheck | null> {
    return this.dataSource.transaction(async (em) => {
      await this.tracking.lockFund(em, fundId);
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
