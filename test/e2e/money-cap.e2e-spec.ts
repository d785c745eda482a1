import { Api, startApi, unique } from '../setup/harness';
import { balance, contribute, createDonor, createFund, staffTokens } from '../factories/money';
import { bearer } from '../factories/grant-cycle';

const CAP = 100_000_000_000; // USD 1 billion in cents

describe('issue 11 item 8: one amount is capped at USD 1 billion, and sums stay exact', () => {
  let api: Api;
  let admin: string;
  let finance: string;
  beforeAll(async () => {
    api = await startApi();
    ({ admin, finance } = await staffTokens(api));
  });
  afterAll(() => api.close());

  it('issue 11 item 8: amounts above the cap are a 400 naming the field in every money input, the cap itself passes, and nothing is written', async () => {
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    const writes = (amount: number) => [
      contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount }),
      api
        .http()
        .post(`/api/funds/${fund.id}/costs`)
        .set(bearer(finance))
        .set('idempotency-key', unique('k'))
        .send({ amount, description: 'x' }),
      api
        .http()
        .post('/api/pledges')
        .set(bearer(finance))
        .send({ donorId: donor.id, fundId: fund.id, amount, currency: 'USD', expectedAt: '2030-01-01' }),
    ];
    for (const amount of [CAP + 1, 2 ** 53 - 1, 2 ** 53 + 2]) {
      for (const res of await Promise.all(writes(amount))) {
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'amount' })]);
      }
    }
    const target = await api
      .http()
      .post('/api/funds')
      .set(bearer(admin))
      .send({
        code: unique('C')
          .replace(/[^A-Za-z0-9]/g, '')
          .slice(-12)
          .toUpperCase(),
        name: 'x',
        newCallTarget: CAP + 1,
      });
    expect(target.status).toBe(400);
    expect(target.body.errors).toEqual([expect.objectContaining({ field: 'newCallTarget' })]);

    // two contributions at the cap: accepted, and the balance sums them exactly
    for (let i = 0; i < 2; i++)
      expect(
        (await contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount: CAP })).status,
      ).toBe(201);
    expect(await balance(api, finance, fund.id)).toMatchObject({ received: 2 * CAP, available: 2 * CAP });
  });

  it('issue 11 item 8: a converted amount above the cap is a 422 naming amount, not a 500 or an overflow', async () => {
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    for (const [currency, amount, usdRate] of [
      ['NOK', CAP, '0.5'], // NOK 1 billion at 0.5 NOK per USD = USD 2 billion
      ['JPY', CAP, '0.00000001'], // beyond 2^53 cents
    ] as const) {
      const res = await contribute(api, finance, {
        donorId: donor.id,
        fundId: fund.id,
        amount,
        currency,
        usdRate,
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ type: '/problems/amount-too-large', code: 'MONEY.AMOUNT_TOO_LARGE' });
      expect(res.body.errors[0].field).toBe('amount');
    }
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1`, [
      fund.id,
    ]);
    expect(n).toBe(0);
  });

  it('issue 11 item 8: a balance whose sum passes 2^53 is refused, never answered rounded', async () => {
    const fund = await createFund(api, admin);
    const set = (received: bigint) =>
      api.db.query(
        `UPDATE ledger_balances SET balance = CASE account WHEN 'contributions' THEN $2::bigint ELSE -$2::bigint END
         WHERE fund_id = $1 AND account IN ('contributions', 'cash')`,
        [fund.id, (-received).toString()],
      );
    try {
      await set(2n ** 53n - 1n);
      expect((await balance(api, finance, fund.id)).received).toBe(Number.MAX_SAFE_INTEGER);
      await set(2n ** 53n + 1n);
      const res = await api.http().get(`/api/funds/${fund.id}/balance`).set(bearer(finance));
      expect(res.status).toBe(500);
      expect(res.body.type).toBe('/problems/internal');
      expect(JSON.stringify(res.body)).not.toContain('9007199254740992');
    } finally {
      await set(0n);
    }
  });
});
