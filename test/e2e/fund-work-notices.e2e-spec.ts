import { NotificationsService } from '@app/identity';
import { bearer, callIn, submittedApplication, verifiedNgo } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';
import { fundWithAvailable } from '../factories/money';
import { Api, staffTokens, startApi, unique, userWithRoles } from '../setup/harness';

const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Issue 15: the fund page's "work waiting" (GET /api/funds/:id/work) counts what the grant cycle's tables
 * hold for that fund only, within the staff's fund scope; a user marks their own notices read, one or all,
 * and never another user's.
 */
describe('work waiting on a fund, and notices marked read', () => {
  let api: Api;
  let fm: string;
  let admin: string;
  let finance: string;
  let fundId: string;
  let otherFundId: string;
  beforeAll(async () => {
    api = await startApi();
    [admin, fm, finance] = await staffTokens(api);
    fundId = (await fundWithAvailable(api, { admin, finance }, 20_000_000)).id;
    otherFundId = (await fundWithAvailable(api, { admin, finance }, 0)).id;
  }, 120_000);
  afterAll(() => api.close());

  const work = (id: string, token: string) => api.http().get(`/api/funds/${id}/work`).set(bearer(token));

  it('counts applications to screen, reviews outstanding, decisions, reports and tranches due of that fund only', async () => {
    const empty = await work(fundId, fm);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      applicationsToScreen: 0,
      reviewsOutstanding: 0,
      decisionsToTake: 0,
      reportsToAccept: 0,
      tranchesDue: 0,
    });

    const open = await callIn(api, fm, fundId, 'open');
    const ngo = await verifiedNgo(api);
    const submitted = await submittedApplication(api, open, ngo.token);
    expect(submitted).toBeTruthy();
    const { applicationIds } = await closedCallWithEligible(api, fm, fundId, 3, 1_000_000);
    const reviewer = await userWithRoles(api, ['reviewer']);
    const assigned = await api
      .http()
      .post(`/api/applications/${applicationIds[2]}/assignments`)
      .set(bearer(fm))
      .send({ reviewerId: reviewer.id });
    expect(assigned.status).toBe(201);
    // Another fund's work never counts here.
    await closedCallWithEligible(api, fm, otherFundId, 1, 1_000_000);

    const approved = await decide(api, fm, applicationIds[0], {
      decision: 'approve',
      tranches: [
        { percent: 60, condition: 'on_signature' },
        { percent: 40, condition: 'after_report' },
      ],
    });
    expect(approved.status).toBe(201);
    const grantId = approved.body.grantId as string;
    expect((await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(fm))).status).toBe(200);
    const grant = await api.http().get(`/api/grants/${grantId}`).set(bearer(fm));
    const ngoOfGrant = (await userWithRoles(api, ['ngo'], { organizationId: grant.body.organizationId }))
      .token;
    const report = await api
      .http()
      .post(`/api/grants/${grantId}/reports`)
      .set(bearer(ngoOfGrant))
      .send({
        periodEnd: '2026-06-30',
        spent: 100_000,
        narrative: 'first months',
        victimsAssisted: [{ service: 'shelter', country: 'NG', count: 12 }],
      });
    expect(report.status).toBe(201);

    const res = await work(fundId, fm);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      applicationsToScreen: 1,
      reviewsOutstanding: 1,
      decisionsToTake: 2,
      reportsToAccept: 1,
      tranchesDue: 1,
    });
    // finance and admin read it too
    expect((await work(fundId, finance)).body).toEqual(res.body);
    expect((await work(fundId, admin)).status).toBe(200);
  }, 120_000);

  it('keeps to the fund scope: 404 for a fund outside it or unknown, 403 for a role without access', async () => {
    const limited = await userWithRoles(api, ['fund_manager'], { fundIds: [otherFundId] });
    const outside = await work(fundId, limited.token);
    expect(outside.status).toBe(404);
    expect(outside.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(outside.body.code).toBe('FUND.NOT_FOUND');
    expect((await work(otherFundId, limited.token)).status).toBe(200);
    expect((await work(MISSING, fm)).status).toBe(404);
    expect((await work('not-a-uuid', fm)).status).toBe(404);
    const ngo = await userWithRoles(api, ['reviewer']);
    expect((await work(fundId, ngo.token)).status).toBe(403);
    expect((await api.http().get(`/api/funds/${fundId}/work`)).status).toBe(401);
  });

  it("marks one notice read, then all, keeps the first reading time, and never touches another user's", async () => {
    const [alice, bob] = await Promise.all([
      userWithRoles(api, ['fund_manager']),
      userWithRoles(api, ['fund_manager']),
    ]);
    const notices = api.app.get(NotificationsService);
    for (const subject of ['first', 'second', 'third'])
      await notices.notifyUsers([alice.id, bob.id], {
        eventId: unique('evt'),
        kind: 'call.status_changed',
        subject,
        body: `${subject} body`,
      });
    const list = async (token: string) =>
      (await api.http().get('/api/me/notifications').set(bearer(token))).body as {
        id: string;
        subject: string;
        readAt: string | null;
      }[];
    const mine = await list(alice.token);
    expect(mine.map((n) => [n.subject, n.readAt])).toEqual([
      ['third', null],
      ['second', null],
      ['first', null],
    ]);

    const one = await api.http().post(`/api/me/notifications/${mine[1].id}/read`).set(bearer(alice.token));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: mine[1].id, subject: 'second' });
    expect(typeof one.body.readAt).toBe('string');
    const again = await api.http().post(`/api/me/notifications/${mine[1].id}/read`).set(bearer(alice.token));
    expect(again.body.readAt).toBe(one.body.readAt);

    // Bob cannot mark Alice's notice; nothing of hers changes.
    const foreign = await api.http().post(`/api/me/notifications/${mine[0].id}/read`).set(bearer(bob.token));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOTIFICATION.NOT_FOUND');
    expect((await list(alice.token))[0].readAt).toBeNull();
    expect(
      (await api.http().post(`/api/me/notifications/${MISSING}/read`).set(bearer(alice.token))).status,
    ).toBe(404);
    expect((await api.http().post(`/api/me/notifications/x/read`).set(bearer(alice.token))).status).toBe(404);

    const all = await api.http().post('/api/me/notifications/read-all').set(bearer(alice.token));
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: 2 });
    const after = await list(alice.token);
    expect(after.every((n) => n.readAt !== null)).toBe(true);
    expect(after[1].readAt).toBe(one.body.readAt);
    expect((await api.http().post('/api/me/notifications/read-all').set(bearer(alice.token))).body).toEqual({
      updated: 0,
    });
    // Bob's stay unread.
    expect((await list(bob.token)).map((n) => n.readAt)).toEqual([null, null, null]);
    expect((await api.http().post('/api/me/notifications/read-all')).status).toBe(401);
  });
});
