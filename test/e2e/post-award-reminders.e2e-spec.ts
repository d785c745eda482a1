import { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/core';
import { Api, runJob, staffTokens, startApi, startWorker, waitFor } from '../setup/harness';
import { approve, fullWorkflowFund, member } from '../factories/post-award';

describe('post-award reminders: an offer before its answer date and after it, scheduled reports', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let admin: string;
  let fm: string;
  let finance: string;
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

  const notices = (userId: string, kind: string) =>
    api.db.query(`SELECT subject FROM notifications WHERE user_id = $1 AND kind = $2`, [userId, kind]);

  it('reminds the grantee once before the answer date, tells the fund managers once after it', async () => {
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 5_000_000, count: 1, requested: 1_000_000 },
    );
    const ngo = await member(api, organizationIds[0]);
    const g = await approve(api, fm, applicationIds[0]);
    const [{ respond_by: respondBy }] = await api.db.query(`SELECT respond_by FROM grants WHERE id = $1`, [
      g,
    ]);
    const clock = worker.get(Clock);
    const run = async (at: Date) => {
      clock.setNow(at);
      const job = await runJob(worker, 'grants.post-award-reminders');
      await waitFor(
        () => job.getState(),
        (s) => s === 'completed' || s === 'failed',
      );
    };
    try {
      await run(new Date(respondBy.getTime() - 20 * 86_400_000)); // too early: nothing
      expect(await notices(ngo.id, 'grant.offer_reminder')).toHaveLength(0);
      await run(new Date(respondBy.getTime() - 3 * 86_400_000));
      await run(new Date(respondBy.getTime() - 2 * 86_400_000)); // a re-run sends nothing new
      expect(await notices(ngo.id, 'grant.offer_reminder')).toHaveLength(1);
      await run(new Date(respondBy.getTime() + 86_400_000));
      await run(new Date(respondBy.getTime() + 2 * 86_400_000));
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'grant.offer_lapsed' AND event_id = $1`,
        [`offer-lapsed:${g}`],
      );
      expect(n).toBeGreaterThanOrEqual(1);
      expect(await notices(ngo.id, 'grant.report_due')).toHaveLength(0);
      // reports are reminded once the offer is accepted (a late acceptance is allowed: the lapse is a notice)
      const accepted = await api
        .http()
        .post(`/api/grants/${g}/accept`)
        .set({ authorization: `Bearer ${ngo.token}` })
        .send({ language: 'en', signatoryId: ngo.id });
      expect(accepted.status).toBe(200);
      // the scheduled reports: reminded before, noticed after, each once
      const [{ due }] = await api.db.query(
        `SELECT to_char(due_on, 'YYYY-MM-DD') AS due FROM grant_report_schedule WHERE grant_id = $1 AND n = 1`,
        [g],
      );
      await run(new Date(`${due}T08:00:00Z`));
      expect(await notices(ngo.id, 'grant.report_due')).toHaveLength(1);
      await run(new Date(new Date(`${due}T08:00:00Z`).getTime() + 86_400_000));
      await run(new Date(new Date(`${due}T08:00:00Z`).getTime() + 2 * 86_400_000));
      expect(await notices(ngo.id, 'grant.report_overdue')).toHaveLength(1);
      expect(fund.id).toBeTruthy();
    } finally {
      clock.reset();
    }
  });
});
