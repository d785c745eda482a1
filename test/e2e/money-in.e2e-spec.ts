import { binary, pdfText } from '../setup/pdf-text';
import { Api, registerNgo, startApi, unique, userWithRoles } from '../setup/harness';
import {
  balance,
  contribute,
  createDonor,
  createFund,
  ledgerInvariants,
  moneyActors,
  MoneyActors,
} from '../factories/money';

describe('money in: funds, contributions, receipts, costs, pledges, balance', () => {
  let api: Api;
  let who: MoneyActors;
  beforeAll(async () => {
    api = await startApi();
    who = await moneyActors(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers 50 parallel requests with one Idempotency-Key and one body with exactly one contribution', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const key = unique('same-key');
    const body = {
      donorId: donor.id,
      fundId: fund.id,
      amount: 1_000_000,
      receivedAt: '2015-03-01T10:00:00Z',
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => contribute(api, who.finance, body, key)),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(ok.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const count = await api.db.query(`SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1`, [
      fund.id,
    ]);
    const postings = await api.db.query(`SELECT count(*)::int AS n FROM ledger_postings WHERE fund_id = $1`, [
      fund.id,
    ]);
    expect([count[0].n, postings[0].n]).toEqual([1, 1]);

    const again = await contribute(api, who.finance, body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(ok[0].body);
    const other = await contribute(api, who.finance, { ...body, amount: 2_000_000 }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(
      (await api.db.query(`SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1`, [fund.id]))[0].n,
    ).toBe(1);
    expect((await balance(api, who.finance, fund.id)).received).toBe(1_000_000);
  });

  it('requires an Idempotency-Key, and does not remember requests refused by validation', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const res = await api
      .http()
      .post('/api/contributions')
      .set('authorization', `Bearer ${who.finance}`)
      .send({ donorId: donor.id, fundId: fund.id, amount: 100, currency: 'USD', receivedAt: '2015-01-01' });
    expect(res.status).toBe(400);
    const key = unique('k');
    const bad = await contribute(api, who.finance, { donorId: donor.id, fundId: fund.id, amount: -5 }, key);
    expect(bad.status).toBe(400);
    const good = await contribute(api, who.finance, { donorId: donor.id, fundId: fund.id, amount: 5 }, key);
    expect(good.status).toBe(201);
  });

  it('numbers 200 parallel receipts of one fund and year 1 to 200 with no gap or duplicate', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        contribute(api, who.finance, {
          donorId: donor.id,
          fundId: fund.id,
          amount: 100 + i,
          receivedAt: '2015-06-15T12:00:00Z',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
    const numbers = results.map((r) => r.body.receiptNumber as string).sort();
    const expected = Array.from(
      { length: 200 },
      (_, i) => `${fund.code}-2015-${String(i + 1).padStart(4, '0')}`,
    );
    expect(numbers).toEqual(expected);
    expect(await ledgerInvariants(api, fund.id)).toMatchObject({ unbalanced: 0, drift: 0 });
  }, 60_000); // 200 postings serialised on one fund's lock, with another test file running beside them

  it.each([
    ['zero', 0],
    ['negative', -100],
    ['fractional', 10.5],
    ['NaN string', 'NaN'],
    ['"1e3"', '1e3'],
    ['a numeric string', '1000'],
    ['above 2^53', 2 ** 53],
    ['null', null],
  ])('refuses an amount that is %s with 400 and writes nothing', async (_, amount) => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const res = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: amount as number,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('amount');
    expect(
      (await api.db.query(`SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1`, [fund.id]))[0].n,
    ).toBe(0);
  });

  it('refuses an unknown currency (400) and a non-USD contribution with no rate (422)', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const unknown = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 100,
      currency: 'XYZ',
    });
    expect(unknown.status).toBe(400);
    const noRate = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 100_000,
      currency: 'ISK',
      receivedAt: '2015-02-01T00:00:00Z',
    });
    expect(noRate.status).toBe(422);
    expect(noRate.body.type).toBe('/problems/exchange-rate-missing');
    const future = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 100,
      receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(400);
  });

  it('converts non-USD money at the given rate or the table rate in force that day, half away from zero', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const rate = await api
      .http()
      .post('/api/exchange-rates')
      .set('authorization', `Bearer ${who.finance}`)
      .send({ currency: 'NOK', rate: '8.5', effectiveFrom: '2015-05-01' });
    expect(rate.status).toBe(201);
    const fromTable = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 100_000, // NOK 1,000.00 / 8.5 = USD 117.647...
      currency: 'NOK',
      receivedAt: '2015-05-20T00:00:00Z',
    });
    expect(fromTable.status).toBe(201);
    expect(fromTable.body).toMatchObject({
      amount: 100_000,
      currency: 'NOK',
      usdRate: '8.5',
      usdAmount: 11_765,
    });
    const given = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 1_000_000,
      currency: 'JPY',
      usdRate: '110',
      receivedAt: '2015-05-20T00:00:00Z',
    });
    expect(given.body).toMatchObject({ usdRate: '110', usdAmount: 909_091 });
    const before = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 100,
      currency: 'NOK',
      receivedAt: '2015-04-30T00:00:00Z',
    });
    expect(before.status).toBe(422);
  });

  it('takes a rate given as a JSON number as its decimal text, and normalises fund codes', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const res = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 100_000,
      currency: 'EUR',
      usdRate: 0.92,
      receivedAt: '2015-05-20T00:00:00Z',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ usdRate: '0.92', usdAmount: 108_696 });
    const code = unique('lc')
      .replace(/[^a-z0-9]/gi, '')
      .slice(-10)
      .toLowerCase();
    const created = await api
      .http()
      .post('/api/funds')
      .set('authorization', `Bearer ${who.admin}`)
      .send({ code, name: 'Lower case fund' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: code.toUpperCase(),
      currency: 'USD',
      newCallTarget: 50_000_000,
      pscRateBps: 1300,
    });
    const eur = await api
      .http()
      .post('/api/funds')
      .set('authorization', `Bearer ${who.admin}`)
      .send({ code: `${code}X`, name: 'Euro fund', currency: 'EUR' });
    expect(eur.status).toBe(400);
    const dup = await api
      .http()
      .post('/api/funds')
      .set('authorization', `Bearer ${who.admin}`)
      .send({ code, name: 'again' });
    expect(dup.status).toBe(409);
  });

  it('keeps pledges out of available, settles them with contributions, and reverses with a void receipt', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance, 'private');
    const pledge = await api.http().post('/api/pledges').set('authorization', `Bearer ${who.finance}`).send({
      donorId: donor.id,
      fundId: fund.id,
      amount: 500_000,
      currency: 'USD',
      expectedAt: '2016-01-31',
    });
    expect(pledge.status).toBe(201);
    let b = await balance(api, who.finance, fund.id);
    expect(b).toMatchObject({ pledged: 500_000, received: 0, available: 0 });
    const part = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 200_000,
      pledgeId: pledge.body.id,
    });
    expect(part.status).toBe(201);
    b = await balance(api, who.finance, fund.id);
    expect(b).toMatchObject({ pledged: 300_000, received: 200_000, available: 200_000 });
    const reversed = await api
      .http()
      .post(`/api/contributions/${part.body.id}/reverse`)
      .set('authorization', `Bearer ${who.finance}`)
      .set('idempotency-key', unique('rev'))
      .send({ reason: 'Bounced transfer' });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({
      status: 'reversed',
      receiptVoid: true,
      receiptNumber: part.body.receiptNumber,
    });
    b = await balance(api, who.finance, fund.id);
    expect(b).toMatchObject({ pledged: 500_000, received: 0, available: 0 });
    const twice = await api
      .http()
      .post(`/api/contributions/${part.body.id}/reverse`)
      .set('authorization', `Bearer ${who.finance}`)
      .set('idempotency-key', unique('rev'))
      .send({ reason: 'again' });
    expect(twice.status).toBe(409);
    // the next receipt does not reuse the void number
    const next = await contribute(api, who.finance, { donorId: donor.id, fundId: fund.id, amount: 1 });
    expect(next.body.receiptNumber).not.toBe(part.body.receiptNumber);
  });

  it('refuses a fund-level cost beyond the available balance with 409 insufficient-funds', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    await contribute(api, who.finance, { donorId: donor.id, fundId: fund.id, amount: 10_000 });
    const cost = (amount: number) =>
      api
        .http()
        .post(`/api/funds/${fund.id}/costs`)
        .set('authorization', `Bearer ${who.finance}`)
        .set('idempotency-key', unique('cost'))
        .send({ amount, description: 'Evaluation' });
    const over = await cost(10_001);
    expect(over.status).toBe(409);
    expect(over.body.type).toBe('/problems/insufficient-funds');
    const fine = await cost(10_000);
    expect(fine.status).toBe(201);
    expect(await balance(api, who.finance, fund.id)).toMatchObject({
      costs: 10_000,
      available: 0,
      received: 10_000,
    });
  });

  it("lists a fund's costs, the latest incurred first, in pages; to staff of the fund only", async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    await contribute(api, who.finance, { donorId: donor.id, fundId: fund.id, amount: 100_000 });
    // Costs are dated on or after the fund's creation (today) and never in the future: one after another.
    for (const [amount, description] of [
      [1_000, 'Evaluation'],
      [700, 'Translation'],
      [2_500, 'Audit'],
    ] as const) {
      const r = await api
        .http()
        .post(`/api/funds/${fund.id}/costs`)
        .set('authorization', `Bearer ${who.finance}`)
        .set('idempotency-key', unique('cost'))
        .send({ amount, description });
      expect(r.status).toBe(201);
    }
    const list = (token: string, query = '') =>
      api.http().get(`/api/funds/${fund.id}/costs${query}`).set('authorization', `Bearer ${token}`);
    const first = await list(who.finance, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((c: { description: string }) => c.description)).toEqual([
      'Audit',
      'Translation',
    ]);
    expect(first.body.items[0]).toMatchObject({ amount: 2_500, currency: fund.currency });
    expect(Date.parse(first.body.items[0].incurredAt)).toBeGreaterThanOrEqual(
      Date.parse(first.body.items[1].incurredAt),
    );
    const second = await list(who.finance, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({
      items: [{ description: 'Evaluation', amount: 1_000 }],
      nextCursor: null,
    });
    const fm = await userWithRoles(api, ['fund_manager']);
    expect((await list(fm.token)).body.items).toHaveLength(3);

    const other = await createFund(api, who.admin);
    const elsewhere = await userWithRoles(api, ['fund_manager'], { fundIds: [other.id] });
    expect((await list(elsewhere.token)).status).toBe(404);
    const reviewer = await userWithRoles(api, ['reviewer']);
    expect((await list(reviewer.token)).status).toBe(403);
    const bad = await list(who.finance, '?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('hides donor B from donor A (404) and refuses NGOs and reviewers on every money route (403)', async () => {
    const fund = await createFund(api, who.admin);
    const [a, b] = [await createDonor(api, who.finance), await createDonor(api, who.finance)];
    const donorA = await userWithRoles(api, ['donor'], { donorId: a.id });
    const cb = await contribute(api, who.finance, { donorId: b.id, fundId: fund.id, amount: 700 });
    const ca = await contribute(api, who.finance, { donorId: a.id, fundId: fund.id, amount: 300 });
    const get = (token: string, path: string) => api.http().get(path).set('authorization', `Bearer ${token}`);
    expect((await get(donorA.token, `/api/contributions/${cb.body.id}`)).status).toBe(404);
    expect((await get(donorA.token, `/api/contributions/${cb.body.id}/receipt`)).status).toBe(404);
    expect((await get(donorA.token, `/api/contributions/${ca.body.id}`)).status).toBe(200);
    const mine = await get(donorA.token, '/api/contributions?limit=500');
    expect(mine.body.items.map((c: { donorId: string }) => c.donorId)).toEqual([a.id]);

    const ngo = await registerNgo(api);
    const reviewer = await userWithRoles(api, ['reviewer']);
    for (const token of [ngo.token, reviewer.token]) {
      for (const [method, path] of [
        ['post', '/api/donors'],
        ['get', '/api/donors'],
        ['post', '/api/pledges'],
        ['get', '/api/pledges'],
        ['post', '/api/contributions'],
        ['get', '/api/contributions'],
        ['get', `/api/contributions/${ca.body.id}`],
        ['get', `/api/contributions/${ca.body.id}/receipt`],
        ['post', `/api/contributions/${ca.body.id}/reverse`],
        ['post', `/api/funds/${fund.id}/costs`],
        ['get', `/api/funds/${fund.id}/balance`],
        ['post', '/api/exchange-rates'],
      ] as const) {
        const res = await api.http()[method](path).set('authorization', `Bearer ${token}`).send({});
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
      }
    }
  });

  it('serves a receipt PDF whose text holds the number and the amounts', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    const c = await contribute(api, who.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 123_456_789, // JPY 123,456,789
      currency: 'JPY',
      usdRate: '120.5',
      receivedAt: '2015-09-09T09:00:00Z',
    });
    expect(c.status).toBe(201);
    const res = await api
      .http()
      .get(`/api/contributions/${c.body.id}/receipt`)
      .set('authorization', `Bearer ${who.finance}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain(c.body.receiptNumber);
    expect(text).toContain('123,456,789 JPY');
    expect(text).toContain('120.5');
    expect(text).toContain(
      `${(c.body.usdAmount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} USD`,
    );
    expect(text).toContain(donor.name);
  });

  it('refuses UPDATE and DELETE on ledger entries and postings', async () => {
    const fund = await createFund(api, who.admin);
    const donor = await createDonor(api, who.finance);
    await contribute(api, who.finance, { donorId: donor.id, fundId: fund.id, amount: 100 });
    const [e] = await api.db.query(`SELECT id, posting_id FROM ledger_entries WHERE fund_id = $1 LIMIT 1`, [
      fund.id,
    ]);
    await expect(api.db.query(`UPDATE ledger_entries SET amount = 1 WHERE id = $1`, [e.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(api.db.query(`DELETE FROM ledger_entries WHERE id = $1`, [e.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(api.db.query(`DELETE FROM ledger_postings WHERE id = $1`, [e.posting_id])).rejects.toThrow(
      /append-only/,
    );
    // an unbalanced posting is refused at commit by the database itself
    await expect(
      api.db.transaction(async (em) => {
        const [p] = await em.query(
          `INSERT INTO ledger_postings (fund_id, kind, source_type, source_id, effective_at)
           VALUES ($1, 'cost', 'test', $2, now()) RETURNING id`,
          [fund.id, unique('src')],
        );
        await em.query(
          `INSERT INTO ledger_entries (posting_id, fund_id, account, amount, effective_at) VALUES ($1, $2, 'cash', 5, now())`,
          [p.id, fund.id],
        );
      }),
    ).rejects.toThrow(/does not balance/);
  });
});
