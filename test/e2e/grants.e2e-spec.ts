import { Api, registerNgo, staffTokens, startApi, unique, userWithRoles } from '../setup/harness';
import { balance, fundWithAvailable, ledgerInvariants } from '../factories/money';
import { bearer, callIn, submittedApplication, verifiedNgo } from '../factories/grant-cycle';
import { acceptedReport, closedCallWithEligible, decide } from '../factories/grants';

describe('decisions and grants: commitments, tranches, disbursement, reports, returns', () => {
  let api: Api;
  let admin: string;
  let fm: string;
  let finance: string;
  beforeAll(async () => {
    api = await startApi();
    [admin, fm, finance] = await staffTokens(api);
  });
  afterAll(async () => {
    await api.close();
  });

  const fundWith = (available: number, pscRateBps = 1300) =>
    fundWithAvailable(api, { admin, finance }, available, pscRateBps);

  async function checkLedger(fundId: string) {
    const inv = await ledgerInvariants(api, fundId);
    expect(inv).toMatchObject({ unbalanced: 0, drift: 0 });
    expect(inv.available).toBe(inv.derivedAvailable);
    // the balance equals a plain recomputation from the business tables
    const [plain] = await api.db.query(
      `SELECT
         (SELECT coalesce(sum(usd_amount), 0) FROM contributions WHERE fund_id = $1 AND status = 'received')::bigint AS received,
         (SELECT coalesce(sum(amount), 0) FROM fund_costs WHERE fund_id = $1)::bigint AS costs,
         (SELECT coalesce(sum(amount - cancelled), 0) FROM grants WHERE fund_id = $1)::bigint AS committed,
         (SELECT coalesce(sum(paid), 0) FROM grants WHERE fund_id = $1)::bigint AS disbursed,
         (SELECT coalesce(sum(returned), 0) FROM grants WHERE fund_id = $1)::bigint AS returned,
         (SELECT coalesce(sum(t.psc_amount), 0) FROM grant_tranches t JOIN grants g ON g.id = t.grant_id
            WHERE g.fund_id = $1 AND t.state <> 'cancelled')::bigint
           - (SELECT coalesce(sum(psc_released), 0) FROM grants WHERE fund_id = $1)::bigint AS psc`,
      [fundId],
    );
    const b = await balance(api, finance, fundId);
    const expected = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, Number(v)]));
    expect(b).toMatchObject(expected);
    expect(b.available).toBe(
      expected.received - expected.committed - expected.psc - expected.costs + expected.returned,
    );
    return b;
  }

  it('runs the cycle to a decision: approval commits amount + 13% PSC, rejection commits nothing', async () => {
    const fund = await fundWith(10_000_000);
    const callId = await callIn(api, fm, fund.id, 'open');
    const ngos = await Promise.all([verifiedNgo(api), verifiedNgo(api), verifiedNgo(api)]);
    const apps = [];
    for (const ngo of ngos) apps.push(await submittedApplication(api, callId, ngo.token));
    expect((await api.http().post(`/api/calls/${callId}/close`).set(bearer(fm))).status).toBe(200);
    const screen = (id: string, eligible: boolean) =>
      api
        .http()
        .post(`/api/applications/${id}/eligibility`)
        .set(bearer(fm))
        .send({ eligible, reason: 'screened' });
    expect((await screen(apps[0], true)).status).toBe(200);
    expect((await screen(apps[1], true)).status).toBe(200);
    expect((await screen(apps[2], false)).status).toBe(200);

    const ngoTry = await decide(api, ngos[0].token, apps[0], { decision: 'approve' });
    expect(ngoTry.status).toBe(403);

    const before = await balance(api, finance, fund.id);
    const approved = await decide(api, fm, apps[0], { decision: 'approve', amount: 1_400_000 });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      decision: 'approve',
      amount: 1_400_000,
      psc: 182_000,
      grantId: expect.any(String),
    });
    const rejected = await decide(api, fm, apps[1], { decision: 'reject', note: 'weaker' });
    expect(rejected.status).toBe(201);
    const after = await balance(api, finance, fund.id);
    expect(before.available - after.available).toBe(1_400_000 + 182_000);
    expect(after).toMatchObject({ committed: 1_400_000, psc: 182_000 });
    const call = await api.http().get(`/api/calls/${callId}`).set(bearer(fm));
    expect(call.body.status).toBe('decided');
    const overRequest = await decide(api, fm, apps[2], { decision: 'approve' });
    expect(overRequest.status).toBe(409); // ineligible: no decision
    await checkLedger(fund.id);
  });

  it.each([
    [0, 83, 20_000],
    [1300, 73, 50_000_00 - 73 * 67_800],
  ])(
    '100 concurrent approvals of USD 600 against USD 50,000 at PSC %d bps: exactly %d succeed',
    async (bps, wins, left) => {
      const fund = await fundWith(5_000_000, bps);
      const { applicationIds } = await closedCallWithEligible(api, fm, fund.id, 100, 60_000);
      const results = await Promise.all(
        applicationIds.map((id) => decide(api, fm, id, { decision: 'approve' })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(wins);
      expect(statuses.filter((s) => s === 409)).toHaveLength(100 - wins);
      expect(
        results.filter((r) => r.status === 409).every((r) => r.body.type === '/problems/insufficient-funds'),
      ).toBe(true);
      expect((await balance(api, finance, fund.id)).available).toBe(left);
      await checkLedger(fund.id);
    },
    60_000,
  );

  it('refuses an approval past the call envelope with 409 envelope-exceeded', async () => {
    const fund = await fundWith(10_000_000);
    const { applicationIds } = await closedCallWithEligible(api, fm, fund.id, 3, 60_000, {
      envelope: 150_000,
    });
    expect((await decide(api, fm, applicationIds[0], { decision: 'approve' })).status).toBe(201);
    expect((await decide(api, fm, applicationIds[1], { decision: 'approve' })).status).toBe(201);
    const third = await decide(api, fm, applicationIds[2], { decision: 'approve' });
    expect(third.status).toBe(409);
    expect(third.body.type).toBe('/problems/envelope-exceeded');
    const partial = await decide(api, fm, applicationIds[2], { decision: 'approve', amount: 30_000 });
    expect(partial.status).toBe(201);
  });

  it('pays USD 20,000 at 60/40 only as the agreement says, returns release PSC, and the ledger holds', async () => {
    const fund = await fundWith(10_000_000);
    const { applicationIds, organizationIds } = await closedCallWithEligible(api, fm, fund.id, 1, 2_000_000);
    const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[0] });
    const approved = await decide(api, fm, applicationIds[0], {
      decision: 'approve',
      tranches: [
        { percent: 60, condition: 'on_signature' },
        { percent: 40, condition: 'after_report' },
      ],
    });
    expect(approved.status).toBe(201);
    const grantId = approved.body.grantId as string;
    let b = await checkLedger(fund.id);
    expect(b).toMatchObject({ committed: 2_000_000, psc: 260_000, available: 10_000_000 - 2_260_000 });

    const disburse = (n: number, key = unique('pay'), body: Record<string, unknown> = {}) =>
      api
        .http()
        .post(`/api/grants/${grantId}/tranches/${n}/disburse`)
        .set(bearer(finance))
        .set('idempotency-key', key)
        .send(body);

    expect((await disburse(1)).status).toBe(422); // not signed yet: not due
    const signed = await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(fm));
    expect(signed.status).toBe(200);
    expect(signed.body.tranches.map((t: { state: string }) => t.state)).toEqual(['due', 'scheduled']);

    const key1 = unique('pay1');
    const paid1 = await disburse(1, key1, { reference: 'WIRE-1' });
    expect(paid1.status).toBe(201);
    expect(paid1.body).toMatchObject({ n: 1, amount: 1_200_000, psc: 156_000, state: 'paid' });
    const replay = await disburse(1, key1, { reference: 'WIRE-1' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(paid1.body);
    const otherKey = await disburse(1, unique('pay1b'), { reference: 'WIRE-1' });
    expect(otherKey.status).toBe(409);
    b = await checkLedger(fund.id);
    expect(b).toMatchObject({
      disbursed: 1_200_000,
      outstanding: 800_000,
      available: 10_000_000 - 2_260_000,
    });

    const notDue = await disburse(2);
    expect(notDue.status).toBe(422);
    expect(notDue.body.type).toBe('/problems/tranche-not-due');

    await acceptedReport(
      api,
      grantId,
      { ngo: ngo.token, fm },
      { periodEnd: '2015-06-30', spent: 1_100_000, narrative: 'Interim: shelter running', count: 40 },
    );
    const paid2 = await disburse(2);
    expect(paid2.status).toBe(201);
    expect(paid2.body).toMatchObject({ amount: 800_000, psc: 104_000 });
    b = await checkLedger(fund.id);
    expect(b).toMatchObject({ disbursed: 2_000_000, outstanding: 0, psc: 260_000 });

    const before = b.available;
    const ret = await api
      .http()
      .post(`/api/grants/${grantId}/returns`)
      .set(bearer(finance))
      .set('idempotency-key', unique('ret'))
      .send({ amount: 150_000, note: 'unspent stipends' });
    expect(ret.status).toBe(201);
    expect(ret.body).toMatchObject({ amount: 150_000, pscReleased: 19_500 });
    b = await checkLedger(fund.id);
    expect(b.available - before).toBe(150_000 + 19_500);
    expect(b).toMatchObject({ returned: 150_000, psc: 260_000 - 19_500 });
    const tooMuch = await api
      .http()
      .post(`/api/grants/${grantId}/returns`)
      .set(bearer(finance))
      .set('idempotency-key', unique('ret'))
      .send({ amount: 2_000_000 - 150_000 + 1, note: 'too much' });
    expect(tooMuch.status).toBe(422);

    // a final report accepted with every tranche paid closes the grant
    const final = await api.http().post(`/api/grants/${grantId}/reports`).set(bearer(ngo.token)).send({
      periodEnd: '2015-12-31',
      spent: 750_000,
      narrative: 'Final',
      final: true,
      victimsAssisted: [],
    });
    await api.http().post(`/api/grants/${grantId}/reports/${final.body.id}/accept`).set(bearer(fm)).send({});
    const grant = await api.http().get(`/api/grants/${grantId}`).set(bearer(ngo.token));
    expect(grant.status).toBe(200);
    expect(grant.body).toMatchObject({
      status: 'closed',
      committed: 2_000_000,
      disbursed: 2_000_000,
      returned: 150_000,
      outstanding: 0,
    });
    expect(
      grant.body.tranches.map((t: { n: number; amount: number; state: string }) => [t.n, t.amount, t.state]),
    ).toEqual([
      [1, 1_200_000, 'paid'],
      [2, 800_000, 'paid'],
    ]);
  });

  it('pays a tranche once under 50 concurrent disbursements with different keys', async () => {
    const fund = await fundWith(10_000_000);
    const { applicationIds } = await closedCallWithEligible(api, fm, fund.id, 1, 1_000_000);
    const { body } = await decide(api, fm, applicationIds[0], { decision: 'approve' });
    await api.http().post(`/api/grants/${body.grantId}/sign`).set(bearer(fm));
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        api
          .http()
          .post(`/api/grants/${body.grantId}/tranches/1/disburse`)
          .set(bearer(finance))
          .set('idempotency-key', unique('race'))
          .send({}),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    const [g] = await api.db.query(`SELECT paid FROM grants WHERE id = $1`, [body.grantId]);
    expect(Number(g.paid)).toBe(1_000_000);
    expect((await checkLedger(fund.id)).disbursed).toBe(1_000_000);
  });

  it('cancels undisbursed tranches, releasing commitment and PSC', async () => {
    const fund = await fundWith(10_000_000);
    const { applicationIds } = await closedCallWithEligible(api, fm, fund.id, 1, 1_000_000);
    const { body } = await decide(api, fm, applicationIds[0], {
      decision: 'approve',
      tranches: [
        { percent: 50, condition: 'on_signature' },
        { percent: 50, condition: 'after_report' },
      ],
    });
    await api.http().post(`/api/grants/${body.grantId}/sign`).set(bearer(fm));
    await api
      .http()
      .post(`/api/grants/${body.grantId}/tranches/1/disburse`)
      .set(bearer(finance))
      .set('idempotency-key', unique('p'))
      .send({});
    const cancel = await api
      .http()
      .post(`/api/grants/${body.grantId}/cancel`)
      .set(bearer(fm))
      .set('idempotency-key', unique('c'))
      .send({ note: 'NGO closed the project' });
    expect(cancel.status).toBe(201);
    const b = await checkLedger(fund.id);
    expect(b).toMatchObject({
      committed: 500_000,
      disbursed: 500_000,
      outstanding: 0,
      psc: 65_000,
      available: 10_000_000 - 565_000,
    });
  });

  it('keeps NGO B out of NGO A grants and reports (404) and lets only finance disburse (403)', async () => {
    const fund = await fundWith(10_000_000);
    const { applicationIds, organizationIds } = await closedCallWithEligible(api, fm, fund.id, 1, 1_000_000);
    const a = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[0] });
    const b = await registerNgo(api);
    const { body } = await decide(api, fm, applicationIds[0], { decision: 'approve' });
    await api.http().post(`/api/grants/${body.grantId}/sign`).set(bearer(fm));
    expect((await api.http().get(`/api/grants/${body.grantId}`).set(bearer(a.token))).status).toBe(200);
    expect((await api.http().get(`/api/grants/${body.grantId}`).set(bearer(b.token))).status).toBe(404);
    const list = await api.http().get('/api/grants?limit=500').set(bearer(b.token));
    expect(list.body.items).toEqual([]);
    const report = await api
      .http()
      .post(`/api/grants/${body.grantId}/reports`)
      .set(bearer(b.token))
      .send({ periodEnd: '2015-06-30', spent: 0, narrative: 'x', victimsAssisted: [] });
    expect(report.status).toBe(404);
    const reviewer = await userWithRoles(api, ['reviewer']);
    for (const token of [a.token, fm, admin, reviewer.token]) {
      const res = await api
        .http()
        .post(`/api/grants/${body.grantId}/tranches/1/disburse`)
        .set(bearer(token))
        .set('idempotency-key', unique('x'))
        .send({});
      expect(res.status).toBe(403);
    }
    const personal = await api
      .http()
      .post(`/api/grants/${body.grantId}/reports`)
      .set(bearer(a.token))
      .send({
        periodEnd: '2015-06-30',
        spent: 0,
        narrative: 'x',
        victimsAssisted: [
          { service: 'shelter', country: 'NG', count: 1, name: 'Jane Doe', birthDate: '1990-01-01' },
        ],
      });
    expect(personal.status).toBe(400); // nothing about a survivor beyond aggregate counts is accepted
  });

  it('adds up victims assisted by service and country from accepted reports only', async () => {
    const fund = await fundWith(10_000_000);
    const { applicationIds, organizationIds } = await closedCallWithEligible(api, fm, fund.id, 2, 1_000_000);
    const totals = new Map<string, number>();
    for (const [i, appId] of applicationIds.entries()) {
      const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[i] });
      const { body } = await decide(api, fm, appId, { decision: 'approve' });
      const lines = [
        { service: 'shelter', country: 'NG', count: 10 + i },
        { service: 'legal_aid', country: 'KE', count: 5 * (i + 1) },
      ];
      for (const accept of [true, false]) {
        const r = await api
          .http()
          .post(`/api/grants/${body.grantId}/reports`)
          .set(bearer(ngo.token))
          .send({ periodEnd: '2015-12-31', spent: 1, narrative: 'n', victimsAssisted: lines });
        expect(r.status).toBe(201);
        await api
          .http()
          .post(`/api/grants/${body.grantId}/reports/${r.body.id}/${accept ? 'accept' : 'return'}`)
          .set(bearer(fm))
          .send({});
        if (accept)
          for (const l of lines)
            totals.set(`${l.service}/${l.country}`, (totals.get(`${l.service}/${l.country}`) ?? 0) + l.count);
      }
    }
    const rows = await api.db.query(
      `SELECT service, country, sum(count)::int AS n FROM victims_assisted WHERE fund_id = $1 GROUP BY service, country`,
      [fund.id],
    );
    expect(
      Object.fromEntries(
        rows.map((r: { service: string; country: string; n: number }) => [`${r.service}/${r.country}`, r.n]),
      ),
    ).toEqual(Object.fromEntries(totals));
  });
});
