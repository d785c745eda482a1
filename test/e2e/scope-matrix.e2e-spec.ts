import { Api, startApi, unique, userWithRoles } from '../setup/harness';
import { contribute, createDonor, createFund } from '../factories/money';
import { bearer } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';

type Role = 'fund_manager' | 'finance' | 'admin';
const STAFF: Role[] = ['fund_manager', 'finance', 'admin'];

/** What one fund holds, made over HTTP by staff of every fund. */
interface FundData {
  fundId: string;
  donorId: string;
  pledgeId: string;
  contributionId: string;
  callId: string;
  applicationId: string;
  grantId: string;
}

/**
 * The authorization matrix of issue 11 item 10: every list and read route, for each staff role, limited to
 * fund A or not. A user limited to A never sees anything of fund B (lists leave it out, with or without a
 * filter naming B; reads are 404); a user of every fund sees B's things through the same routes.
 */
describe('issue 11 item 10: fund scope on every list and read route (authorization matrix)', () => {
  let api: Api;
  let a: FundData;
  let b: FundData;
  const tokens: Record<'scoped' | 'all', Record<Role, string>> = {
    scoped: {} as Record<Role, string>,
    all: {} as Record<Role, string>,
  };
  let scopedAdminId: string;
  let allAdminId: string;

  async function fundData(admin: string, fm: string, finance: string): Promise<FundData> {
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    const received = await contribute(api, finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 5_000_000,
    });
    expect(received.status).toBe(201);
    const pledge = await api.http().post('/api/pledges').set(bearer(finance)).send({
      donorId: donor.id,
      fundId: fund.id,
      amount: 100_000,
      currency: 'USD',
      expectedAt: '2030-01-01',
    });
    expect(pledge.status).toBe(201);
    const { callId, applicationIds } = await closedCallWithEligible(api, fm, fund.id, 1, 1_000_000);
    const approved = await decide(api, fm, applicationIds[0], { decision: 'approve' });
    expect(approved.status).toBe(201);
    return {
      fundId: fund.id,
      donorId: donor.id,
      pledgeId: pledge.body.id,
      contributionId: received.body.id,
      callId,
      applicationId: applicationIds[0],
      grantId: approved.body.grantId,
    };
  }

  beforeAll(async () => {
    api = await startApi();
    for (const role of STAFF) tokens.all[role] = (await userWithRoles(api, [role])).token;
    allAdminId = (await userWithRoles(api, ['admin'])).id;
    a = await fundData(tokens.all.admin, tokens.all.fund_manager, tokens.all.finance);
    b = await fundData(tokens.all.admin, tokens.all.fund_manager, tokens.all.finance);
    for (const role of STAFF) {
      const u = await userWithRoles(api, [role], { fundIds: [a.fundId] });
      tokens.scoped[role] = u.token;
      if (role === 'admin') scopedAdminId = u.id;
    }
  });
  afterAll(async () => {
    await api.close();
  });

  // [route, roles that may call it, what of B's the answer would show]
  const lists: [string, Role[], (d: FundData) => string][] = [
    ['/api/funds', STAFF, (d) => d.fundId],
    ['/api/pledges?limit=500', ['finance'], (d) => d.pledgeId],
    ['/api/pledges?limit=500&fundId=B', ['finance'], (d) => d.pledgeId],
    ['/api/contributions?limit=500', ['finance'], (d) => d.contributionId],
    ['/api/contributions?limit=500&fundId=B', ['finance'], (d) => d.contributionId],
    ['/api/calls?limit=500', STAFF, (d) => d.callId],
    ['/api/calls?limit=500&fundId=B', STAFF, (d) => d.callId],
    ['/api/applications?limit=500', STAFF, (d) => d.applicationId],
    ['/api/applications?limit=500&callId=CALL', STAFF, (d) => d.applicationId],
    ['/api/grants?limit=500', STAFF, (d) => d.grantId],
    ['/api/grants?limit=500&fundId=B', STAFF, (d) => d.grantId],
    ['/api/audit?limit=500&entity=grant&entityId=GRANT', ['admin'], (d) => d.grantId],
    ['/api/audit?limit=500&entity=pledge&entityId=PLEDGE', ['admin'], (d) => d.pledgeId],
    ['/api/audit?limit=500&entity=contribution&entityId=CONTRIBUTION', ['admin'], (d) => d.contributionId],
    ['/api/audit?limit=500&entity=call&entityId=CALL', ['admin'], (d) => d.callId],
  ];
  const reads: [string, Role[]][] = [
    ['/api/funds/B', STAFF],
    ['/api/funds/B/balance', STAFF],
    ['/api/funds/B/balance/history', STAFF],
    ['/api/funds/B/alerts', STAFF],
    ['/api/funds/B/statement', STAFF],
    ['/api/calls/CALL', STAFF],
    ['/api/calls/CALL/ranking', ['fund_manager']],
    ['/api/applications/APPLICATION', STAFF],
    ['/api/grants/GRANT', STAFF],
    ['/api/contributions/CONTRIBUTION', ['finance']],
    ['/api/contributions/CONTRIBUTION/receipt', ['finance']],
    ['/api/reports/contributions?fundId=B', STAFF],
    ['/api/reports/grants?fundId=B', STAFF],
    ['/api/reports/impact?fundId=B', STAFF],
  ];
  const fill = (route: string, d: FundData) =>
    route
      .replace(/\bB\b/g, d.fundId)
      .replace('CALL', d.callId)
      .replace('APPLICATION', d.applicationId)
      .replace('GRANT', d.grantId)
      .replace('CONTRIBUTION', d.contributionId)
      .replace('PLEDGE', d.pledgeId);

  describe.each(STAFF)('%s', (role) => {
    it.each(lists.filter(([, roles]) => roles.includes(role)))(
      'issue 11 item 10: lists %s: limited to A never shows B; of every fund does',
      async (route, _roles, of) => {
        const scoped = await api.http().get(fill(route, b)).set(bearer(tokens.scoped[role]));
        expect([200, 404]).toContain(scoped.status);
        const text = JSON.stringify(scoped.body);
        expect(text).not.toContain(of(b));
        if (!route.includes('=')) expect(text).not.toContain(b.fundId);
        const own = await api.http().get(fill(route, a)).set(bearer(tokens.scoped[role]));
        expect(own.status).toBe(200);
        expect(JSON.stringify(own.body)).toContain(of(a));
        const all = await api.http().get(fill(route, b)).set(bearer(tokens.all[role]));
        expect(all.status).toBe(200);
        expect(JSON.stringify(all.body)).toContain(of(b));
      },
    );

    it.each(reads.filter(([, roles]) => roles.includes(role)))(
      'issue 11 item 10: reads %s: 404 for B when limited to A, 200 for its own fund and for staff of every fund',
      async (route) => {
        const scoped = await api.http().get(fill(route, b)).set(bearer(tokens.scoped[role]));
        expect(scoped.status).toBe(404);
        expect((await api.http().get(fill(route, a)).set(bearer(tokens.scoped[role]))).status).toBe(200);
        expect((await api.http().get(fill(route, b)).set(bearer(tokens.all[role]))).status).toBe(200);
      },
    );
  });

  it('issue 11 item 10: registers shared by every fund (donors, exchange rates, organizations) stay readable', async () => {
    for (const route of ['/api/donors?limit=500', '/api/exchange-rates', '/api/organizations']) {
      const role = route.startsWith('/api/organizations') ? 'fund_manager' : 'finance';
      expect((await api.http().get(route).set(bearer(tokens.scoped[role]))).status).toBe(200);
    }
  });

  describe('issue 11 item 10: an admin limited to fund A', () => {
    const newUser = (extra: Record<string, unknown>) => ({
      email: `${unique('scoped')}@tests.example.org`,
      name: 'Scoped',
      password: 'a-good-password-1',
      ...extra,
    });

    it('cannot clear or widen its own limit', async () => {
      const token = tokens.scoped.admin;
      for (const fundIds of [[], [a.fundId, b.fundId], [b.fundId]]) {
        const res = await api
          .http()
          .patch(`/api/users/${scopedAdminId}`)
          .set(bearer(token))
          .send({ fundIds });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ type: '/problems/user-out-of-scope', code: 'USER.OUT_OF_SCOPE' });
      }
      const [row]: { fund_ids: string[] }[] = await api.db.query(`SELECT fund_ids FROM users WHERE id = $1`, [
        scopedAdminId,
      ]);
      expect(row.fund_ids).toEqual([a.fundId]);
    });

    it('cannot create or promote an unlimited admin, or users outside its funds or of other roles', async () => {
      const token = tokens.scoped.admin;
      for (const body of [
        newUser({ roles: ['admin'] }),
        newUser({ roles: ['admin'], fundIds: [] }),
        newUser({ roles: ['finance'], fundIds: [b.fundId] }),
        newUser({ roles: ['finance'], fundIds: [a.fundId, b.fundId] }),
        newUser({ roles: ['reviewer'], fundIds: [a.fundId] }),
      ]) {
        const res = await api.http().post('/api/users').set(bearer(token)).send(body);
        expect(res.status).toBe(403);
        expect(res.body.type).toBe('/problems/user-out-of-scope');
      }
      const ok = await api
        .http()
        .post('/api/users')
        .set(bearer(token))
        .send(newUser({ roles: ['finance'], fundIds: [a.fundId] }));
      expect(ok.status).toBe(201);
      const promote = await api
        .http()
        .patch(`/api/users/${ok.body.id}`)
        .set(bearer(token))
        .send({ roles: ['admin'], fundIds: [] });
      expect(promote.status).toBe(403);
      const within = await api
        .http()
        .patch(`/api/users/${ok.body.id}`)
        .set(bearer(token))
        .send({ roles: ['admin'] });
      expect(within.status).toBe(200);
      expect(within.body).toMatchObject({ roles: ['admin'], fundIds: [a.fundId] });
    });

    it('does not see or change users of every fund, and lists only its own staff', async () => {
      const token = tokens.scoped.admin;
      expect((await api.http().get(`/api/users/${allAdminId}`).set(bearer(token))).status).toBe(404);
      const patch = await api
        .http()
        .patch(`/api/users/${allAdminId}`)
        .set(bearer(token))
        .send({ active: false });
      expect(patch.status).toBe(404);
      const listed = await api.http().get('/api/users?limit=500').set(bearer(token));
      expect(listed.status).toBe(200);
      const items = listed.body.items as { id: string; fundIds: string[] }[];
      expect(items.some((u) => u.id === scopedAdminId)).toBe(true);
      for (const u of items) {
        expect(u.fundIds.length).toBeGreaterThan(0);
        expect(u.fundIds.every((f) => f === a.fundId)).toBe(true);
      }
      const all = await api.http().get('/api/users?limit=500').set(bearer(tokens.all.admin));
      expect((all.body.items as { id: string }[]).some((u) => u.id === allAdminId)).toBe(true);
    });
  });
});
