import '../setup/jobs-env';
import { INestApplicationContext } from '@nestjs/common';
import { Api, startApi, startWorker, unique, userWithRoles, waitFor } from '../setup/harness';
import { balance, contribute, createDonor, createFund, moneyActors, MoneyActors } from '../factories/money';
import { ReceivedMail, startSmtp } from '../setup/smtp';

const USD = (dollars: number) => dollars * 100;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('queued jobs: the balance against the new-call target', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let actors: MoneyActors;
  let fundId: string;
  let donorId: string;
  let managers: { id: string; token: string; email: string }[];

  const snapshots = async () =>
    (await api.http().get(`/api/funds/${fundId}/balance/history?limit=500`).set(bearer(actors.finance)))
      .body as { items: Record<string, number | string>[]; nextCursor: string | null };
  const alerts = async () =>
    (await api.http().get(`/api/funds/${fundId}/alerts`).set(bearer(actors.finance))).body as {
      items: { direction: string; available: number; target: number }[];
    };
  const mailsTo = (email: string, pattern: RegExp): ReceivedMail[] =>
    smtp.mails.filter((m) => m.to.includes(email.toLowerCase()) && pattern.test(m.subject));

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    api = await startApi();
    worker = await startWorker();
    actors = await moneyActors(api);
    fundId = (await createFund(api, actors.admin, { newCallTarget: USD(500_000), pscRateBps: 1300 })).id;
    donorId = (await createDonor(api, actors.finance)).id;
    managers = await Promise.all([
      userWithRoles(api, ['fund_manager'], { fundIds: [fundId] }),
      userWithRoles(api, ['fund_manager'], { fundIds: [fundId] }),
    ]);
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('a contribution lifting available from 490,000 to 510,000 yields within a second a snapshot, one up alert and one mail per fund manager', async () => {
    expect((await contribute(api, actors.finance, { donorId, fundId, amount: USD(490_000) })).status).toBe(
      201,
    );
    await waitFor(snapshots, (s) => s.items[0]?.available === USD(490_000));
    expect((await alerts()).items).toEqual([]);

    const res = await contribute(api, actors.finance, { donorId, fundId, amount: USD(20_000) });
    expect(res.status).toBe(201);
    const committedAt = Date.now();
    const history = await waitFor(snapshots, (s) => s.items[0]?.available === USD(510_000), 5_000, 10);
    const elapsed = Date.now() - committedAt;
    expect(elapsed).toBeLessThan(1000);
    expect(history.items[0]).toMatchObject({
      received: USD(510_000),
      available: USD(510_000),
      target: USD(500_000),
      progress: 1.02,
      reason: 'change',
    });
    const list = await alerts();
    expect(list.items).toEqual([
      expect.objectContaining({ direction: 'up', available: USD(510_000), target: USD(500_000) }),
    ]);
    for (const m of managers) {
      const mine = await waitFor(
        async () => mailsTo(m.email, /reached the new-call target/),
        (x) => x.length >= 1,
      );
      expect(mine).toHaveLength(1);
      expect(mine[0].raw).toContain('USD 510,000.00');
    }
  });

  it('twenty more contributions raise no second alert; a cost below the target raises one down alert', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        contribute(api, actors.finance, { donorId, fundId, amount: USD(1_000) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    await waitFor(snapshots, (s) => s.items[0]?.available === USD(530_000));
    expect((await alerts()).items).toHaveLength(1);

    const cost = await api
      .http()
      .post(`/api/funds/${fundId}/costs`)
      .set(bearer(actors.finance))
      .set('idempotency-key', unique('cost'))
      .send({ amount: USD(40_000), description: 'Mid-term evaluation' });
    expect(cost.status).toBe(201);
    const after = await waitFor(alerts, (a) => a.items.length === 2);
    expect(after.items.map((a) => a.direction)).toEqual(['down', 'up']);
    expect(after.items[0]).toMatchObject({ available: USD(490_000), target: USD(500_000) });
    for (const m of managers)
      await waitFor(
        async () => mailsTo(m.email, /fell below the new-call target/),
        (x) => x.length === 1,
      );
    const last = (await snapshots()).items[0];
    const now = await balance(api, actors.finance, fundId);
    for (const f of ['received', 'committed', 'psc', 'costs', 'available', 'target'])
      expect(last[f]).toBe(now[f]);
  });

  it('the history pages newest first with a cursor; only staff may read history and alerts', async () => {
    const all = await snapshots();
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const ids = all.items.map((s) => Number(s.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const first = await api
      .http()
      .get(`/api/funds/${fundId}/balance/history?limit=2`)
      .set(bearer(actors.finance));
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await api
      .http()
      .get(`/api/funds/${fundId}/balance/history?limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(actors.finance));
    expect(second.body.items[0].id).toBe(all.items[2].id);
    const bad = await api
      .http()
      .get(`/api/funds/${fundId}/balance/history?cursor=nonsense`)
      .set(bearer(actors.finance));
    expect(bad.status).toBe(400);
    const page = await api.http().get(`/api/funds/${fundId}/alerts?limit=1`).set(bearer(managers[0].token));
    expect(page.body.items.map((a: { direction: string }) => a.direction)).toEqual(['down']);
    const rest = await api
      .http()
      .get(`/api/funds/${fundId}/alerts?limit=1&cursor=${page.body.nextCursor}`)
      .set(bearer(managers[0].token));
    expect(rest.body).toMatchObject({
      items: [expect.objectContaining({ direction: 'up' })],
      nextCursor: null,
    });
    const donor = await userWithRoles(api, ['donor'], { donorId });
    expect((await api.http().get(`/api/funds/${fundId}/alerts`).set(bearer(donor.token))).status).toBe(403);
    expect(
      (await api.http().get(`/api/funds/${fundId}/balance/history`).set(bearer(donor.token))).status,
    ).toBe(403);
    const other = await userWithRoles(api, ['fund_manager'], { fundIds: [donorId] });
    expect((await api.http().get(`/api/funds/${fundId}/alerts`).set(bearer(other.token))).status).toBe(404);
  });

  it('the database refuses a second alert for one crossing and two ups in a row', async () => {
    const [{ seq }] = await api.db.query(
      `SELECT max(seq) AS seq FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing'`,
      [fundId],
    );
    await expect(
      api.db.query(
        `INSERT INTO fund_alerts (fund_id, type, seq, direction, available, target) VALUES ($1, 'crossing', $2, 'down', 0, 0)`,
        [fundId, seq],
      ),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(
      api.db.query(
        `INSERT INTO fund_alerts (fund_id, type, seq, direction, available, target) VALUES ($1, 'crossing', $2, 'down', 0, 0)`,
        [fundId, Number(seq) + 1],
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it("a donor's users get their receipt by mail, once", async () => {
    const donor = await userWithRoles(api, ['donor'], { donorId });
    const res = await contribute(api, actors.finance, { donorId, fundId, amount: USD(5) });
    expect(res.status).toBe(201);
    const mine = await waitFor(
      async () => mailsTo(donor.email, new RegExp(`Receipt ${res.body.receiptNumber}`)),
      (x) => x.length === 1,
    );
    expect(mine[0].raw).toContain('5.00 USD');
    // the SMTP server has the mail a moment before the worker commits mailed_at
    const [n] = await waitFor(
      () =>
        api.db.query(`SELECT mailed_at FROM notifications WHERE user_id = $1 AND event_id = $2`, [
          donor.id,
          `contribution-received:${res.body.id}`,
        ]) as Promise<{ mailed_at: Date | null }[]>,
      (rows) => rows[0]?.mailed_at != null,
    );
    expect(n.mailed_at).not.toBeNull();
  });
});
