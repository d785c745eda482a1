import '../setup/jobs-env';
import { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/core';
import { Api, runJob, startApi, startWorker, unique, userWithRoles, waitFor } from '../setup/harness';
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

  it("the identity purge deletes ended sessions after 30 days, ended step tokens after a day, and used links after 30 days, not a pending invitation's", async () => {
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY);
    const user = await userWithRoles(api, ['reviewer']); // signing in gave them a live session too
    const session = async (expires: Date, revoked: Date | null) =>
      (
        await api.db.query(
          `INSERT INTO user_sessions (user_id, expires_at, revoked_at) VALUES ($1, $2, $3) RETURNING id`,
          [user.id, expires, revoked],
        )
      )[0].id as string;
    const expiredLongAgo = await session(ago(31), null);
    const revokedLongAgo = await session(ago(-10), ago(31));
    const revokedLately = await session(ago(-10), ago(29));
    const live = await session(ago(-10), null);
    await api.db.query(
      `INSERT INTO refresh_tokens (token_hash, session_id) VALUES (decode(repeat('ab', 32), 'hex'), $1)`,
      [expiredLongAgo],
    );
    const token = async (hex: string, expires: Date, used: Date | null) =>
      api.db.query(
        `INSERT INTO auth_tokens (token_hash, kind, user_id, expires_at, used_at)
         VALUES (decode(repeat($1, 32), 'hex'), 'mfa_step', $2, $3, $4)`,
        [hex, user.id, expires, used],
      );
    await token('c1', ago(2), null);
    await token('c2', ago(-1), ago(2));
    await token('c3', ago(0.5), null);
    const [pending] = await api.db.query(
      `INSERT INTO invitations (email, roles) VALUES ($1, '{ngo}') RETURNING id`,
      [`${unique('pending')}@example.org`],
    );
    const link = async (purpose: string, invitationId: string | null, expires: Date, used: Date | null) =>
      (
        await api.db.query(
          `INSERT INTO account_tokens (id, purpose, token_hash, invitation_id, user_id, created_at, expires_at, used_at)
           VALUES (gen_random_uuid(), $1, decode(md5(random()::text) || md5(random()::text), 'hex'), $2, $3, $4, $4, $5)
           RETURNING id`,
          [purpose, invitationId, user.id, expires, used],
        )
      )[0].id as string;
    const confirmedLongAgo = await link('email_confirmation', null, ago(20), ago(40));
    const confirmedLately = await link('email_confirmation', null, ago(-2), ago(5));
    const pendingLapsed = await link('invitation', pending.id, ago(60), null);

    await run('identity.purge');
    const sessions = () =>
      api.db
        .query(`SELECT id FROM user_sessions WHERE user_id = $1`, [user.id])
        .then((rows: { id: string }[]) => rows.map((r) => r.id).sort());
    await waitFor(sessions, (ids) => !ids.includes(expiredLongAgo));
    const kept = await sessions();
    expect(kept).toHaveLength(3);
    expect(kept).toEqual(expect.arrayContaining([revokedLately, live]));
    expect(kept).not.toContain(revokedLongAgo);
    const tokens: { hex: string }[] = await api.db.query(
      `SELECT substr(encode(token_hash, 'hex'), 1, 2) AS hex FROM auth_tokens WHERE user_id = $1 ORDER BY 1`,
      [user.id],
    );
    expect(tokens.map((t) => t.hex)).toEqual(['c3']);
    const links: { id: string }[] = await api.db.query(
      `SELECT id FROM account_tokens WHERE id = ANY($1::uuid[])`,
      [[confirmedLongAgo, confirmedLately, pendingLapsed]],
    );
    expect(links.map((l) => l.id).sort()).toEqual([confirmedLately, pendingLapsed].sort());
    expect(
      (await api.db.query(`SELECT 1 FROM refresh_tokens WHERE session_id = $1`, [expiredLongAgo])).length,
    ).toBe(0);
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
