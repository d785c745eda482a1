import '../setup/jobs-env';
import { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/core';
import { Api, runJob, startApi, startWorker, unique, waitFor } from '../setup/harness';
import { contribute, createDonor, createFund, moneyActors, MoneyActors } from '../factories/money';

const DAY = 86_400_000;

describe('issue 11: scheduled jobs and the injectable clock', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let actors: MoneyActors;
  const run = (job: string) => runJob(worker, job);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    actors = await moneyActors(api);
  });
  afterAll(async () => {
    worker.get(Clock).reset();
    await worker.close();
    await api.close();
  });

  it('issue 11 also: snapshots and crossing alerts take their time from the injectable clock', async () => {
    const replayed = new Date('2015-06-30T12:00:00.000Z');
    worker.get(Clock).setNow(replayed);
    try {
      const fund = await createFund(api, actors.admin, { newCallTarget: 100_000, pscRateBps: 1300 });
      const donor = await createDonor(api, actors.finance);
      const res = await contribute(api, actors.finance, {
        donorId: donor.id,
        fundId: fund.id,
        amount: 150_000,
        receivedAt: '2015-06-01T00:00:00.000Z',
      });
      expect(res.status).toBe(201);
      const snapshots = await waitFor(
        () => api.db.query(`SELECT at, available FROM fund_balance_snapshots WHERE fund_id = $1`, [fund.id]),
        (rows) => rows.length >= 1,
      );
      expect(snapshots[0].at.toISOString()).toBe(replayed.toISOString());
      expect(Number(snapshots[0].available)).toBe(150_000);
      const alerts = await api.db.query(
        `SELECT at, direction FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing'`,
        [fund.id],
      );
      expect(alerts).toHaveLength(1);
      expect(alerts[0].direction).toBe('up');
      expect(alerts[0].at.toISOString()).toBe(replayed.toISOString());
      const [state] = await api.db.query(`SELECT checked_at FROM fund_balance_state WHERE fund_id = $1`, [
        fund.id,
      ]);
      expect(state.checked_at.toISOString()).toBe(replayed.toISOString());
    } finally {
      worker.get(Clock).reset();
    }
  });

  it('issue 11 also: the purge job deletes idempotency keys after 7 days and relayed outbox rows after 30', async () => {
    const tag = unique('purge');
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY);
    const user = '00000000-0000-4000-8000-000000000011';
    for (const [key, days] of [
      ['old', 8],
      ['fresh', 6],
    ] as const)
      await api.db.query(
        `INSERT INTO idempotency_keys (user_id, route, key, request_hash, state, token, claimed_at, completed_at)
         VALUES ($1, $2, $3, 'h', 'completed', gen_random_uuid(), $4, $4)`,
        [user, `POST ${tag}`, key, ago(days)],
      );
    const box = `housekeeping.${tag}`; // a valid job name, should a row ever be relayed
    for (const [name, days, sent] of [
      ['relayed-old', 31, true],
      ['relayed-recent', 29, true],
      ['unsent-old', 40, false],
    ] as const)
      await api.db.query(`INSERT INTO outbox (name, payload, created_at, sent_at) VALUES ($1, $2, $3, $4)`, [
        `${box}:${name}`,
        JSON.stringify({ tag }),
        ago(days),
        sent ? ago(days) : null,
      ]);
    // Hold the unsent row locked, as a relay pass would: the relay skips it, so it stays unsent.
    const holder = api.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT id FROM outbox WHERE name = $1 FOR UPDATE`, [`${box}:unsent-old`]);

    const keys = () =>
      api.db
        .query(`SELECT key FROM idempotency_keys WHERE route = $1 ORDER BY key`, [`POST ${tag}`])
        .then((rows: { key: string }[]) => rows.map((r) => r.key));
    const outbox = () =>
      api.db
        .query(`SELECT name FROM outbox WHERE name LIKE $1 ORDER BY name`, [`${box}:%`])
        .then((rows: { name: string }[]) => rows.map((r) => r.name.slice(box.length + 1)));

    try {
      await run('housekeeping.purge');
      await waitFor(keys, (k) => k.length === 1);
      await waitFor(outbox, (o) => o.length === 2);
      expect(await keys()).toEqual(['fresh']);
      expect(await outbox()).toEqual(['relayed-recent', 'unsent-old']);

      // Moving the clock 30 days on purges the rest of what is old enough, and nothing unsent.
      worker.get(Clock).setNow(new Date(now + 30 * DAY));
      await run('housekeeping.purge');
      await waitFor(keys, (k) => k.length === 0);
      await waitFor(outbox, (o) => o.length === 1);
      expect(await outbox()).toEqual(['unsent-old']);
    } finally {
      worker.get(Clock).reset();
      await holder.query(`DELETE FROM outbox WHERE name LIKE $1`, [`${box}:%`]);
      await holder.commitTransaction();
      await holder.release();
    }
  });
});
