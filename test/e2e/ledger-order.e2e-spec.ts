import { DataSource, QueryRunner } from 'typeorm';
import { AuditService, Clock, SYSTEM_ACTOR } from '@app/core';
import {
  BalanceService,
  BalanceTrackingService,
  LedgerRepository,
  LedgerService,
  Postings,
} from '@app/funds';
import { NotificationsService } from '@app/identity';
import { Api, startApi, unique, userWithRoles, waitFor } from '../setup/harness';
import { createFund } from '../factories/money';

/**
 * Issue 11 item 2: the posting sequence follows the commit order. Two transactions on two connections are
 * interleaved deterministically: the test holds the fund's lock in one, waits until the other is seen
 * waiting for that lock (pg_stat_activity), and only then lets the first post and commit.
 */
describe('issue 11 item 2: the posting sequence follows the commit order, and reconciliation repairs the job state', () => {
  let api: Api;
  let db: DataSource;
  let ledger: LedgerService;
  let tracking: BalanceTrackingService;

  beforeAll(async () => {
    api = await startApi();
    db = api.db;
    ledger = api.app.get(LedgerService);
    // The balance job's service, built from the API's own providers: no worker runs here, so nothing but
    // the test decides when a balance job runs.
    tracking = new BalanceTrackingService(
      db,
      api.app.get(BalanceService),
      api.app.get(NotificationsService, { strict: false }),
      api.app.get(Clock, { strict: false }),
      api.app.get(LedgerRepository),
      api.app.get(AuditService, { strict: false }),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  async function newFund(): Promise<string> {
    const admin = await userWithRoles(api, ['admin']);
    return (await createFund(api, admin.token)).id;
  }

  const posting = (fundId: string, kind: 'contribution' | 'cost', amount: number) => ({
    fundId,
    kind,
    sourceType: `test_${kind}`,
    sourceId: unique(kind),
    description: `${kind} of ${amount}`,
    effectiveAt: new Date(),
    lines: kind === 'contribution' ? Postings.contribution(amount) : Postings.cost(amount),
  });

  async function open(): Promise<{ qr: QueryRunner; pid: number }> {
    const qr = db.createQueryRunner();
    await qr.connect();
    const [{ pid }] = await qr.query(`SELECT pg_backend_pid() AS pid`);
    await qr.startTransaction();
    return { qr, pid };
  }

  const seqOf = async (postingId: string) =>
    Number((await db.query(`SELECT seq FROM ledger_postings WHERE id = $1`, [postingId]))[0].seq);
  const state = async (fundId: string) =>
    (
      await db.query(
        `SELECT s.available::int AS state, fb.available::int AS available
         FROM fund_balance_state s JOIN fund_balances fb USING (fund_id) WHERE fund_id = $1`,
        [fundId],
      )
    )[0] as { state: number; available: number };

  it('issue 11 item 2: a posting that raises the balance while another holds the fund lock gets the later seq, and no balance job misses it', async () => {
    const fundId = await newFund();
    await db.transaction((em) => ledger.post(em, posting(fundId, 'contribution', 1000), SYSTEM_ACTOR));
    await tracking.recalculate(fundId, 'manual');
    expect(await state(fundId)).toEqual({ state: 1000, available: 1000 });

    const b = await open(); // B: a cost, which locks the fund's row first
    const a = await open(); // A: a contribution, which raises the available balance
    try {
      await b.qr.query(`SELECT available FROM fund_balances WHERE fund_id = $1 FOR UPDATE`, [fundId]);
      const aPosted = ledger.post(a.qr.manager, posting(fundId, 'contribution', 500), SYSTEM_ACTOR);
      await waitFor(
        async () =>
          (await db.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [a.pid]))[0]
            ?.wait_event_type,
        (w) => w === 'Lock',
      );
      const bPosted = await ledger.post(b.qr.manager, posting(fundId, 'cost', 300), SYSTEM_ACTOR);
      await b.qr.commitTransaction();
      // B's balance job runs as soon as B committed, while A still waits.
      await tracking.onPosting(fundId, bPosted.postingId);

      const aResult = await aPosted;
      await a.qr.commitTransaction();
      await tracking.onPosting(fundId, aResult.postingId);

      // A committed after B, so its seq is the later one ...
      expect(await seqOf(aResult.postingId)).toBeGreaterThan(await seqOf(bPosted.postingId));
      // ... and its balance job was not skipped: the job's state has both postings.
      expect(await state(fundId)).toEqual({ state: 1200, available: 1200 });
    } finally {
      for (const c of [a, b]) {
        if (c.qr.isTransactionActive) await c.qr.rollbackTransaction();
        await c.qr.release();
      }
    }
  });

  it('issue 11 item 2: the nightly reconciliation compares the job state with fund_balances, repairs the drift and audits it', async () => {
    const fundId = await newFund();
    await db.transaction((em) => ledger.post(em, posting(fundId, 'contribution', 2500), SYSTEM_ACTOR));
    await tracking.recalculate(fundId, 'manual');
    await db.query(`UPDATE fund_balance_state SET available = available - 500 WHERE fund_id = $1`, [fundId]);
    // A posting the job has not covered yet is not drift.
    await db.transaction((em) => ledger.post(em, posting(fundId, 'contribution', 100), SYSTEM_ACTOR));

    const runId = unique('run');
    const result = await tracking.reconcile(runId);
    expect(result.drifted).toContain(fundId);
    expect(await state(fundId)).toEqual({ state: 2500, available: 2600 });
    const audit = await db.query(
      `SELECT action, summary FROM audit_log WHERE entity = 'fund' AND entity_id = $1 AND action = 'fund.balance-state-repaired'`,
      [fundId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({ stateAvailable: 2000, expectedAvailable: 2500, runId });
    const [alert] = await db.query(
      `SELECT detail FROM fund_alerts WHERE fund_id = $1 AND type = 'drift' AND run_id = $2`,
      [fundId, runId],
    );
    expect(alert.detail.balanceState).toMatchObject({ stateAvailable: 2000, expectedAvailable: 2500 });

    // The uncovered posting is then covered as usual, and a second run finds nothing to repair.
    await tracking.recalculate(fundId, 'manual');
    expect(await state(fundId)).toEqual({ state: 2600, available: 2600 });
    expect((await tracking.reconcile(unique('run'))).drifted).not.toContain(fundId);
  });
});
