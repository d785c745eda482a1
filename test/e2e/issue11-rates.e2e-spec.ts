import { Api, startApi, userWithRoles } from '../setup/harness';
import { balance, contribute, createDonor, createFund, moneyActors, MoneyActors } from '../factories/money';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('issue 11 also: exchange rates (staleness per fund, superseding a mistyped rate)', () => {
  let api: Api;
  let who: MoneyActors;

  beforeAll(async () => {
    api = await startApi();
    who = await moneyActors(api);
  });
  afterAll(async () => {
    await api.close();
  });

  const recordRate = (currency: string, rate: string, effectiveFrom: string) =>
    api.http().post('/api/exchange-rates').set(bearer(who.finance)).send({ currency, rate, effectiveFrom });
  const supersede = (id: string, rate: string, token = who.finance) =>
    api
      .http()
      .post(`/api/exchange-rates/${id}/supersede`)
      .set(bearer(token))
      .send({ rate, reason: 'mistyped in a test' });

  it('issue 11 also: a non-USD contribution without usdRate is 422 /problems/rate-stale when the newest rate is older than the fund allows', async () => {
    const fund = await createFund(api, who.admin);
    expect(fund.rateMaxAgeDays).toBe(45);
    const lenient = await createFund(api, who.admin, { rateMaxAgeDays: 90 });
    expect(lenient.rateMaxAgeDays).toBe(90);
    const donor = await createDonor(api, who.finance);
    expect((await recordRate('PLN', '8', '2015-01-01')).status).toBe(201);
    const pln = (receivedAt: string, over: Record<string, unknown> = {}) =>
      contribute(api, who.finance, {
        donorId: donor.id,
        fundId: fund.id,
        amount: 80_000,
        currency: 'PLN',
        receivedAt,
        ...over,
      });

    const at45 = await pln('2015-02-15T10:00:00Z'); // 45 days after the rate took effect: accepted
    expect(at45.status).toBe(201);
    expect(at45.body).toMatchObject({ usdRate: '8', usdAmount: 10_000 });
    const { asOf: _asOf, ...before } = await balance(api, who.finance, fund.id);

    const stale = await pln('2015-02-16T10:00:00Z'); // 46 days: refused
    expect(stale.status).toBe(422);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ type: '/problems/rate-stale', code: 'RATES.STALE', status: 422 });
    expect(stale.body.detail).toContain('2015-01-01');
    expect(await balance(api, who.finance, fund.id)).toMatchObject(before);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1 AND currency = 'PLN'`,
      [fund.id],
    );
    expect(n).toBe(1);

    const given = await pln('2015-02-16T10:00:00Z', { usdRate: '8.2' });
    expect(given.status).toBe(201);
    expect(given.body.usdRate).toBe('8.2');
    const otherFund = await pln('2015-03-20T10:00:00Z', { fundId: lenient.id });
    expect(otherFund.status).toBe(201);
  });

  it('issue 11 also: finance supersedes a mistyped rate; old postings keep their rate, new ones use the correction', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const wrong = await recordRate('DKK', '6.5', '2015-03-01');
    expect(wrong.status).toBe(201);
    expect(wrong.body).toMatchObject({ status: 'current', supersededBy: null });
    const dkk = () =>
      contribute(api, who.finance, {
        donorId: donor.id,
        fundId: fund.id,
        amount: 670_000,
        currency: 'DKK',
        receivedAt: '2015-03-10T00:00:00Z',
      });
    const early = await dkk();
    expect(early.body).toMatchObject({ usdRate: '6.5', usdAmount: 103_077 });

    const limited = await userWithRoles(api, ['finance'], { fundIds: [fund.id] });
    expect((await supersede(wrong.body.id, '6.7', limited.token)).status).toBe(403);
    const fm = await userWithRoles(api, ['fund_manager']);
    expect((await supersede(wrong.body.id, '6.7', fm.token)).status).toBe(403);
    expect((await supersede('00000000-0000-4000-8000-000000000000', '6.7')).status).toBe(404);
    const bad = await supersede(wrong.body.id, '-1');
    expect(bad.status).toBe(400);

    // Two corrections of one rate at once: exactly one wins.
    const [a, b] = await Promise.all([supersede(wrong.body.id, '6.7'), supersede(wrong.body.id, '6.7')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const fixed = a.status === 201 ? a : b;
    const lost = a.status === 201 ? b : a;
    expect(lost.body).toMatchObject({ type: '/problems/rate-superseded', code: 'RATES.SUPERSEDED' });
    expect(fixed.body).toMatchObject({
      currency: 'DKK',
      rate: '6.7',
      effectiveFrom: '2015-03-01',
      status: 'current',
    });

    const list = await api.http().get('/api/exchange-rates?currency=DKK').set(bearer(who.finance));
    expect(list.status).toBe(200);
    const old = list.body.items.find((r: { id: string }) => r.id === wrong.body.id);
    expect(old).toMatchObject({ status: 'superseded', supersededBy: fixed.body.id, rate: '6.5' });
    expect(old.supersededAt).toBeTruthy();

    const later = await dkk();
    expect(later.body).toMatchObject({ usdRate: '6.7', usdAmount: 100_000 });
    const kept = await api.http().get(`/api/contributions/${early.body.id}`).set(bearer(who.finance));
    expect(kept.body).toMatchObject({ usdRate: '6.5', usdAmount: 103_077 });

    const audit = await api.db.query(
      `SELECT summary FROM audit_log WHERE action = 'exchange-rate.superseded' AND entity_id = $1`,
      [wrong.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({ from: '6.5', to: '6.7', supersededBy: fixed.body.id });
  });

  it('issue 11 also: the OpenAPI document describes the supersede route and the fund setting', async () => {
    const doc = (await api.http().get('/api/docs-json')).body;
    const op = doc.paths['/api/exchange-rates/{id}/supersede']?.post;
    expect(op).toBeDefined();
    expect(op.tags).toContain('exchange-rates');
    expect(op.summary).toBeTruthy();
    expect(op.responses['201'].content['application/json'].schema).toBeDefined();
    for (const status of ['400', '403', '404', '409']) expect(op.responses[status]).toBeDefined();
    expect(doc.components.schemas.CreateFundDto.properties.rateMaxAgeDays).toMatchObject({ default: 45 });
    expect(doc.components.schemas.ExchangeRateView.properties.status).toBeDefined();
  });
});
