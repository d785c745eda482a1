import { Clock } from '@app/core';
import { ForecastService, ForecastTrackingService } from '@app/funds';
import { NotificationsService } from '@app/identity';
import { bearer } from '../factories/grant-cycle';
import { contribute, createDonor, createFund } from '../factories/money';
import { Api, staffTokens, startApi, startWorker, unique, userWithRoles, waitFor } from '../setup/harness';

const USD = 100;
const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Issue 21: the forecast of the available balance against the new-call target, on a fund of known,
 * generated history. Every month of 2024-2025 brought USD 20,000 unpledged, so the resampled history has
 * no spread and every figure can be worked out by hand: 2025 cost USD 24,000 (USD 2,000 a month), and one
 * donor kept two of three pledges on time, so its open pledge of USD 100,000 counts (2 + 1) / (3 + 2) = 60%.
 * Available on 15 January 2026: 24 x 20,000 + 3 x 10,000 - 24,000 = USD 486,000, target USD 800,000.
 */
describe('forecast of the available balance (GET /api/funds/:id/forecast)', () => {
  let api: Api;
  let admin: string;
  let fm: string;
  let finance: string;
  let clock: Clock;
  let fundId: string;
  let donorId: string;
  const NOW = new Date('2026-01-15T12:00:00.000Z');

  const get = (id: string, token: string, query = '') =>
    api.http().get(`/api/funds/${id}/forecast${query}`).set(bearer(token));

  async function pledge(amount: number, expectedAt: string): Promise<string> {
    const res = await api
      .http()
      .post('/api/pledges')
      .set(bearer(finance))
      .send({ donorId, fundId, amount, currency: 'USD', expectedAt });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function received(amount: number, receivedAt: string, pledgeId?: string) {
    const res = await contribute(api, finance, {
      donorId,
      fundId,
      amount,
      receivedAt: `${receivedAt}T10:00:00.000Z`,
      ...(pledgeId ? { pledgeId } : {}),
    });
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    api = await startApi();
    [admin, fm, finance] = await staffTokens(api);
    clock = api.app.get(Clock);
    clock.setNow(new Date('2024-01-02T09:00:00.000Z'));
    fundId = (await createFund(api, admin, { newCallTarget: 800_000 * USD, pscRateBps: 1300 })).id;
    donorId = (await createDonor(api, finance)).id;
    const onTime1 = await pledge(10_000 * USD, '2025-02-28');
    const onTime2 = await pledge(10_000 * USD, '2025-05-31');
    const late = await pledge(10_000 * USD, '2025-07-31');
    clock.setNow(NOW);
    const other = (await createDonor(api, finance)).id;
    for (let m = 0; m < 24; m++) {
      const month = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      const res = await contribute(api, finance, {
        donorId: other,
        fundId,
        amount: 20_000 * USD,
        receivedAt: `${month}-10T10:00:00.000Z`,
      });
      expect(res.status).toBe(201);
    }
    await received(10_000 * USD, '2025-03-05', onTime1);
    await received(10_000 * USD, '2025-06-20', onTime2);
    await received(10_000 * USD, '2025-10-15', late); // 76 days after its date: not on time
    const cost = await api
      .http()
      .post(`/api/funds/${fundId}/costs`)
      .set(bearer(finance))
      .set('idempotency-key', unique('cost'))
      .send({ amount: 24_000 * USD, description: 'evaluation', incurredAt: '2025-06-15T10:00:00.000Z' });
    expect(cost.status).toBe(201);
    await pledge(100_000 * USD, '2026-04-30');
  }, 120_000);

  afterAll(async () => {
    clock.reset();
    await api.close();
  });

  it("weights the open pledge by the donor's record and dates the target from the generated history", async () => {
    const res = await get(fundId, fm);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fundId,
      currency: 'USD',
      target: 800_000 * USD,
      available: 486_000 * USD,
      status: 'expected',
      // needs 314,000: 18,000 a month net, plus 60,000 in April 2026: month 15, March 2027
      expectedMonth: '2027-03',
      lowMonth: '2027-03',
      highMonth: '2027-03',
      reachedShare: 1,
      decision: null,
    });
    expect(res.body.method).toMatchObject({
      historyMonths: 24,
      monthlyCost: 2_000 * USD,
      unpledgedMonthly: new Array(24).fill(20_000 * USD),
      pledges: [
        {
          outstanding: 100_000 * USD,
          expectedAt: '2026-04-30',
          due: 3,
          kept: 2,
          weight: 0.6,
          weighted: 60_000 * USD,
        },
      ],
    });
    expect(res.body.series).toHaveLength(24);
    expect(res.body.series[0]).toMatchObject({ month: '2026-01', p10: 504_000 * USD, p90: 504_000 * USD });
    expect(res.body.series[3]).toMatchObject({ month: '2026-04', p50: 618_000 * USD, pledges: 60_000 * USD });
    // The same question twice gives the same answer (a seeded bootstrap).
    expect((await get(fundId, finance)).body).toEqual(res.body);
  });

  it('answers what approving a grant (plus 13% PSC) does to the expected month', async () => {
    const res = await get(fundId, fm, `?commit=${100_000 * USD}`);
    expect(res.status).toBe(200);
    // 113,000 more to find: 427,000 = 18,000 x 21 + 60,000 - ...: month 21, September 2027
    expect(res.body.expectedMonth).toBe('2027-03');
    expect(res.body.decision).toEqual({
      amount: 100_000 * USD,
      psc: 13_000 * USD,
      available: 373_000 * USD,
      status: 'expected',
      expectedMonth: '2027-09',
      lowMonth: '2027-09',
      highMonth: '2027-09',
      monthsLater: 6,
    });
    const zero = await get(fundId, fm, '?commit=0');
    expect(zero.body.decision).toMatchObject({ psc: 0, expectedMonth: '2027-03', monthsLater: 0 });
  });

  it('says "not within 24 months" when the target is out of reach', async () => {
    const res = await get(fundId, admin, `?commit=${300_000 * USD}`);
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({
      status: 'not_within_horizon',
      expectedMonth: null,
      highMonth: null,
      monthsLater: null,
    });
  });

  it.each(['abc', '-5', '1.5', '', '1e3', '12345678901234567'])(
    'refuses commit=%j with a 400 problem and changes nothing',
    async (commit) => {
      const res = await get(fundId, fm, `?commit=${encodeURIComponent(commit)}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('/problems/validation');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['commit']);
    },
  );

  it('says a new fund has no history instead of giving a date', async () => {
    const fresh = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    const gift = { donorId: donor.id, fundId: fresh.id, amount: 1_000 * USD, receivedAt: NOW.toISOString() };
    expect((await contribute(api, finance, gift)).status).toBe(201);
    const res = await get(fresh.id, fm);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'no_history',
      expectedMonth: null,
      lowMonth: null,
      highMonth: null,
      series: [],
      method: { historyMonths: 0, minHistoryMonths: 12 },
    });
  });

  it('is for fund managers, finance and admins of the fund only', async () => {
    for (const [role, extra] of [
      ['reviewer', {}],
      ['donor', { donorId }],
    ] as const) {
      const user = await userWithRoles(api, [role], extra);
      expect((await get(fundId, user.token)).status).toBe(403);
    }
    const elsewhere = await createFund(api, admin);
    const limited = await userWithRoles(api, ['fund_manager'], { fundIds: [elsewhere.id] });
    const hidden = await get(fundId, limited.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.type).toBe('/problems/not-found');
    expect((await get(MISSING, fm)).status).toBe(404);
    expect((await api.http().get(`/api/funds/${fundId}/forecast`)).status).toBe(401);
  });

  it('is recomputed by the forecast job, asked for by pledges and money events, and stored', async () => {
    const [queued]: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE name = 'funds.forecast' AND payload->>'fundId' = $1`,
      [fundId],
    );
    expect(queued.n).toBeGreaterThanOrEqual(4); // one per pledge at least
    const tracking = new ForecastTrackingService(
      api.db,
      api.app.get(ForecastService),
      api.app.get(NotificationsService),
      clock,
    );
    const first = await tracking.refresh(fundId);
    expect(first).toEqual({ status: 'expected', expectedMonth: '2027-03', noticed: false });
    const [row]: { expected_month: string; noticed_month: string; status: string }[] = await api.db.query(
      `SELECT expected_month, noticed_month, status FROM fund_forecasts WHERE fund_id = $1`,
      [fundId],
    );
    expect(row).toEqual({ expected_month: '2027-03', noticed_month: '2027-03', status: 'expected' });
    expect(await tracking.refresh(MISSING)).toBeNull();
  });

  it('tells the fund managers when the expected month moves by three months or more, once', async () => {
    const manager = await userWithRoles(api, ['fund_manager'], { fundIds: [fundId] });
    const tracking = new ForecastTrackingService(
      api.db,
      api.app.get(ForecastService),
      api.app.get(NotificationsService),
      clock,
    );
    await tracking.refresh(fundId);
    const moves = async () =>
      (
        (await api.http().get('/api/me/notifications').set(bearer(manager.token))).body as {
          kind: string;
          subject: string;
        }[]
      ).filter((n) => n.kind === 'fund.forecast_moved');
    // A cost of USD 40,000 this month: 354,000 to find, month 17 (May 2027): two months, no notice.
    const small = await api
      .http()
      .post(`/api/funds/${fundId}/costs`)
      .set(bearer(finance))
      .set('idempotency-key', unique('cost'))
      .send({ amount: 40_000 * USD, description: 'audit', incurredAt: NOW.toISOString() });
    expect(small.status).toBe(201);
    expect(await tracking.refresh(fundId)).toEqual({
      status: 'expected',
      expectedMonth: '2027-05',
      noticed: false,
    });
    expect(await moves()).toEqual([]);
    // Another USD 40,000: 394,000 to find, month 19 (July 2027): four months since the reference, a notice.
    const more = await api
      .http()
      .post(`/api/funds/${fundId}/costs`)
      .set(bearer(finance))
      .set('idempotency-key', unique('cost'))
      .send({ amount: 40_000 * USD, description: 'monitoring', incurredAt: NOW.toISOString() });
    expect(more.status).toBe(201);
    expect(await tracking.refresh(fundId)).toEqual({
      status: 'expected',
      expectedMonth: '2027-07',
      noticed: true,
    });
    expect(await tracking.refresh(fundId)).toMatchObject({ noticed: false });
    const told = await moves();
    expect(told).toHaveLength(1);
    expect(told[0].subject).toContain('2027-07');
  });
  // Last: the worker also recomputes the other funds of this database, on its own (real) clock.
  it('is stored by the worker after a money event: relay, balance job, then the coalesced forecast job', async () => {
    const fresh = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    const gift = { donorId: donor.id, fundId: fresh.id, amount: 5_000 * USD, receivedAt: NOW.toISOString() };
    expect((await contribute(api, finance, gift)).status).toBe(201);
    const worker = await startWorker();
    try {
      const rows = await waitFor(
        () => api.db.query(`SELECT status FROM fund_forecasts WHERE fund_id = $1`, [fresh.id]),
        (r: { status: string }[]) => r.length === 1,
        30_000,
        200,
      );
      expect(rows).toEqual([{ status: 'no_history' }]);
    } finally {
      await worker.close();
    }
  });
});
