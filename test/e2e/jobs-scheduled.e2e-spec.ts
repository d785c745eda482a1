import { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/core';
import { Api, runJob, staffTokens, startApi, startWorker, userWithRoles, waitFor } from '../setup/harness';
import { contribute, createDonor, createFund } from '../factories/money';
import { applicationBody, bearer, callIn, verifiedNgo } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';

describe('scheduled tasks, run as the schedulers run them (a job on the queue, handled by the worker)', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let admin: string;
  let fm: string;
  let finance: string;
  const run = (job: string) => runJob(worker, job);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    [admin, fm, finance] = await staffTokens(api);
  });
  afterAll(async () => {
    worker.get(Clock).reset();
    await worker.close();
    await api.close();
  });

  it('closes a call at its deadline, and only then', async () => {
    const fund = await createFund(api, admin);
    const callId = await callIn(api, fm, fund.id, 'open');
    const status = async () =>
      (await api.db.query(`SELECT status, deadline FROM calls WHERE id = $1`, [callId]))[0];
    await run('calls.close-due');
    await new Promise((r) => setTimeout(r, 500));
    expect((await status()).status).toBe('open');
    worker.get(Clock).setNow(new Date((await status()).deadline.getTime() + 1000));
    try {
      await run('calls.close-due');
      await waitFor(status, (s) => s.status === 'closed');
      const audit = await api.db.query(
        `SELECT action FROM audit_log WHERE entity = 'call' AND entity_id = $1`,
        [callId],
      );
      expect(audit.map((a: { action: string }) => a.action)).toContain('call.closed');
    } finally {
      worker.get(Clock).reset();
    }
  });

  it('reminds NGOs of unsubmitted drafts 72 hours before the deadline, once', async () => {
    const fund = await createFund(api, admin);
    const callId = await callIn(api, fm, fund.id, 'open', {
      deadline: new Date(Date.now() + 48 * 3600_000).toISOString(),
    });
    const ngo = await verifiedNgo(api);
    const draft = await api
      .http()
      .post(`/api/calls/${callId}/applications`)
      .set(bearer(ngo.token))
      .send(applicationBody());
    expect(draft.status).toBe(201);
    const reminders = () =>
      api.db.query(`SELECT user_id FROM notifications WHERE event_id = $1`, [
        `draft-reminder:${draft.body.id}`,
      ]);
    await run('applications.draft-reminders');
    await waitFor(reminders, (rows) => rows.length === 1);
    await run('applications.draft-reminders');
    await new Promise((r) => setTimeout(r, 500));
    expect(await reminders()).toEqual([{ user_id: ngo.userId }]);
  });

  it('raises a drift alert when a balance row no longer equals the sum of its entries', async () => {
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    await contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount: 12_345 });
    await api.db.query(
      `UPDATE ledger_balances SET balance = balance + 1 WHERE fund_id = $1 AND account = 'cash'`,
      [fund.id],
    );
    try {
      await run('funds.reconcile');
      const alerts = await waitFor(
        () =>
          api.db.query(`SELECT type, detail FROM fund_alerts WHERE fund_id = $1 AND type = 'drift'`, [
            fund.id,
          ]),
        (rows) => rows.length >= 1,
      );
      expect(JSON.stringify(alerts[0].detail)).toContain('cash');
      const listed = await api.http().get(`/api/funds/${fund.id}/alerts?type=drift`).set(bearer(fm));
      expect(listed.status).toBe(200);
      expect(listed.body.items.length).toBeGreaterThanOrEqual(1);
    } finally {
      await api.db.query(
        `UPDATE ledger_balances SET balance = balance - 1 WHERE fund_id = $1 AND account = 'cash'`,
        [fund.id],
      );
    }
  });

  it('writes a daily snapshot of every fund', async () => {
    const fund = await createFund(api, admin);
    await run('funds.daily-snapshots');
    const rows = await waitFor(
      () =>
        api.db.query(`SELECT reason FROM fund_balance_snapshots WHERE fund_id = $1 AND reason = 'daily'`, [
          fund.id,
        ]),
      (r) => r.length === 1,
      30_000, // the job snapshots every fund of the worker's database, the demo fund's among them
    );
    expect(rows).toEqual([{ reason: 'daily' }]);
  });

  it('reminds a grantee two weeks before its six-monthly report is due, once per period', async () => {
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    await contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount: 10_000_000 });
    const { applicationIds, organizationIds } = await closedCallWithEligible(api, fm, fund.id, 1, 1_000_000);
    const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[0] });
    const { body } = await decide(api, fm, applicationIds[0], { decision: 'approve' });
    const signed = await api.http().post(`/api/grants/${body.grantId}/sign`).set(bearer(fm));
    expect(signed.status).toBe(200);
    const signedAt = new Date(signed.body.signedAt);
    const reminders = () =>
      api.db.query(`SELECT user_id FROM notifications WHERE event_id = $1`, [`report-due:${body.grantId}:1`]);
    await run('grants.report-reminders'); // months before the due date: nothing
    await new Promise((r) => setTimeout(r, 500));
    expect(await reminders()).toEqual([]);
    const due = new Date(signedAt);
    due.setUTCMonth(due.getUTCMonth() + 6);
    worker.get(Clock).setNow(new Date(due.getTime() - 7 * 86_400_000));
    try {
      await run('grants.report-reminders');
      await waitFor(reminders, (rows) => rows.length === 1);
      await run('grants.report-reminders');
      await new Promise((r) => setTimeout(r, 500));
      expect(await reminders()).toEqual([{ user_id: ngo.id }]);
    } finally {
      worker.get(Clock).reset();
    }
  });
});
