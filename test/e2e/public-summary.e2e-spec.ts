import { Api, startApi, userWithRoles } from '../setup/harness';
import { contribute, createDonor, createFund } from '../factories/money';
import { bearer } from '../factories/grant-cycle';
import { acceptedReport, closedCallWithEligible, decide } from '../factories/grants';

/** A figure as the public impact figures publish it: under 5 "<5", else the nearest multiple of 5. */
const published = (exact: number) => (exact < 5 ? '<5' : Math.floor(exact / 5 + 0.5) * 5);

/**
 * Issue 14: the home page's money summary (GET /api/public/summary, no sign-in) says what the fund's
 * balance and the impact reports say: received and committed from the ledger, victims assisted rounded.
 */
describe('public summary of the home page', () => {
  let api: Api;
  let fundId: string;
  let emptyFundId: string;
  let fm: string;
  let admin: string;
  beforeAll(async () => {
    api = await startApi();
    const [a, manager, finance] = await Promise.all([
      userWithRoles(api, ['admin']),
      userWithRoles(api, ['fund_manager']),
      userWithRoles(api, ['finance']),
    ]);
    admin = a.token;
    fm = manager.token;
    fundId = (await createFund(api, admin)).id;
    emptyFundId = (await createFund(api, admin)).id;
    const donor = await createDonor(api, finance.token);
    await contribute(api, finance.token, { donorId: donor.id, fundId, amount: 9_000_000 });
    await contribute(api, finance.token, { donorId: donor.id, fundId, amount: 1_234_567 });
    const { applicationIds, organizationIds } = await closedCallWithEligible(api, fm, fundId, 2, 1_500_000);
    for (const [i, applicationId] of applicationIds.entries()) {
      const d = await decide(api, fm, applicationId, { decision: 'approve' });
      expect(d.status).toBe(201);
      expect((await api.http().post(`/api/grants/${d.body.grantId}/sign`).set(bearer(fm))).status).toBe(200);
      const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[i] });
      await acceptedReport(
        api,
        d.body.grantId,
        { ngo: ngo.token, fm },
        { periodEnd: '2015-06-30', spent: 0, narrative: 'n', count: 11 + i * 6 },
      );
    }
  }, 120_000);
  afterAll(() => api.close());

  const summary = (query = '') => api.http().get(`/api/public/summary${query}`);

  it("gives one fund's received and committed money as its balance says, and victims assisted rounded like the impact figures", async () => {
    const res = await summary(`?fundId=${fundId}`);
    expect(res.status).toBe(200);
    const balance = await api.http().get(`/api/funds/${fundId}/balance`).set(bearer(fm));
    expect(balance.status).toBe(200);
    const impact = await api.http().get(`/api/reports/impact?fundId=${fundId}`).set(bearer(fm));
    expect(impact.body.total).toBe(28);
    expect(res.body).toEqual({
      fundId,
      currency: 'USD',
      received: balance.body.received,
      committed: balance.body.committed,
      disbursed: balance.body.disbursed,
      victimsAssisted: 30,
      asOf: expect.any(String),
      dataAsOf: expect.any(String),
    });
    expect(res.body.received).toBe(10_234_567);
    expect(res.body.committed).toBe(3_000_000);
    const open = await api.http().get(`/api/public/impact?fundId=${fundId}`);
    expect(res.body.victimsAssisted).toBe(open.body.total);
  });

  it('a fund without money or reports shows zeros and "<5"', async () => {
    const res = await summary(`?fundId=${emptyFundId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 0, committed: 0, disbursed: 0, victimsAssisted: '<5' });
  });

  it('without a fund, adds up every fund of the deployment', async () => {
    const res = await summary();
    expect(res.status).toBe(200);
    const funds = await api.http().get('/api/funds').set(bearer(admin));
    let received = 0;
    let committed = 0;
    for (const f of funds.body.items as { id: string }[]) {
      const b = await api.http().get(`/api/funds/${f.id}/balance`).set(bearer(admin));
      received += b.body.received;
      committed += b.body.committed;
    }
    const impact = await api.http().get('/api/reports/impact').set(bearer(admin));
    expect(res.body).toMatchObject({
      fundId: null,
      received,
      committed,
      victimsAssisted: published(impact.body.total),
    });
  });

  it('answers 404 for an unknown fund and 400 for a malformed id, without sign-in', async () => {
    const missing = await summary('?fundId=00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await summary('?fundId=nope')).status).toBe(400);
  });
});
