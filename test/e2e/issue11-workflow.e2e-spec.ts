import { Api, staffTokens, startApi, unique, userWithRoles } from '../setup/harness';
import { fundWithAvailable } from '../factories/money';
import { bearer, RUBRIC } from '../factories/grant-cycle';
import { acceptedReport, closedCallWithEligible, decide } from '../factories/grants';

const fullScores = (relevance: number) => ({
  scores: RUBRIC.map((c) => ({
    criterion: c.key,
    score: c.key === 'relevance' ? relevance : c.maxScore,
    comment: 'ok',
  })),
});

describe('issue 11: workflow (call decided, frozen scores, tranches due at signature)', () => {
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

  /** A closed call whose applications are eligible, the first `submitted` of them set back to submitted. */
  async function callWith(count: number, submitted: number[] = []) {
    const fundId = (await fundWithAvailable(api, { admin, finance }, 50_000_000)).id;
    const c = await closedCallWithEligible(api, fm, fundId, count, 1_000_000);
    for (const i of submitted)
      await api.db.query(`UPDATE applications SET status = 'submitted', screened_at = NULL WHERE id = $1`, [
        c.applicationIds[i],
      ]);
    return c;
  }

  const callStatus = async (callId: string) =>
    (await api.db.query(`SELECT status FROM calls WHERE id = $1`, [callId]))[0].status as string;
  const screen = (id: string, eligible: boolean) =>
    api
      .http()
      .post(`/api/applications/${id}/eligibility`)
      .set(bearer(fm))
      .send({ eligible, reason: 'screened in a test' });

  it('issue 11 item 1: deciding A1 leaves the call open to screen A2; the last decision decides the call', async () => {
    const {
      callId,
      applicationIds: [a1, a2],
    } = await callWith(2, [0, 1]);
    expect((await screen(a1, true)).status).toBe(200);
    expect((await decide(api, fm, a1, { decision: 'approve' })).status).toBe(201);
    expect(await callStatus(callId)).not.toBe('decided');
    const screened = await screen(a2, true);
    expect(screened.status).toBe(200);
    expect(await callStatus(callId)).not.toBe('decided');
    expect((await decide(api, fm, a2, { decision: 'reject' })).status).toBe(201);
    expect(await callStatus(callId)).toBe('decided');
    const audit = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'call' AND entity_id = $1 AND action = 'call.decided'`,
      [callId],
    );
    expect(audit[0].n).toBe(1);
  });

  it('issue 11 item 1: screening the last waiting application ineligible decides the call', async () => {
    const {
      callId,
      applicationIds: [a1, a2],
    } = await callWith(2, [1]);
    expect((await decide(api, fm, a1, { decision: 'reject' })).status).toBe(201);
    expect(await callStatus(callId)).toBe('closed');
    expect((await screen(a2, false)).status).toBe(200);
    expect(await callStatus(callId)).toBe('decided');
  });

  it('issue 11 item 1: withdrawing the last waiting application decides the call', async () => {
    const {
      callId,
      applicationIds: [a1, a2],
      organizationIds,
    } = await callWith(2);
    expect((await decide(api, fm, a1, { decision: 'approve' })).status).toBe(201);
    expect(await callStatus(callId)).not.toBe('decided');
    const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[1] });
    const w = await api.http().post(`/api/applications/${a2}/withdraw`).set(bearer(ngo.token));
    expect(w.status).toBe(200);
    expect(await callStatus(callId)).toBe('decided');
  });

  it('issue 11 item 1: a decision and a screening at once still leave the call decided', async () => {
    for (let round = 0; round < 3; round++) {
      const {
        callId,
        applicationIds: [a1, a2],
      } = await callWith(2, [1]);
      const [d, s] = await Promise.all([decide(api, fm, a1, { decision: 'reject' }), screen(a2, false)]);
      expect([d.status, s.status]).toEqual([201, 200]);
      expect(await callStatus(callId)).toBe('decided');
    }
  });

  it('issue 11 item 5: scores are refused (409) once the application is decided or withdrawn', async () => {
    const {
      callId,
      applicationIds: [a1, a2],
      organizationIds,
    } = await callWith(2);
    const reviewer = await userWithRoles(api, ['reviewer']);
    const assign = async (app: string) => {
      const res = await api
        .http()
        .post(`/api/applications/${app}/assignments`)
        .set(bearer(fm))
        .send({ reviewerId: reviewer.id });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const [r1, r2] = [await assign(a1), await assign(a2)];
    const put = (id: string, relevance: number) =>
      api.http().put(`/api/assignments/${id}/scores`).set(bearer(reviewer.token)).send(fullScores(relevance));
    const submit = (id: string) =>
      api.http().post(`/api/assignments/${id}/submit`).set(bearer(reviewer.token));
    expect((await put(r1, 5)).status).toBe(200);
    expect((await decide(api, fm, a1, { decision: 'reject' })).status).toBe(201);
    const ranking = async () =>
      (await api.http().get(`/api/calls/${callId}/ranking`).set(bearer(fm))).body.items;
    const before = await ranking();

    const late = await put(r1, 10);
    expect(late.status).toBe(409);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.body).toMatchObject({
      type: '/problems/application-decided',
      code: 'REVIEWS.APPLICATION_DECIDED',
    });
    const lateSubmit = await submit(r1);
    expect(lateSubmit.status).toBe(409);
    expect(lateSubmit.body.type).toBe('/problems/application-decided');
    expect(await ranking()).toEqual(before);
    const [a] = await api.db.query(`SELECT status, scores FROM review_assignments WHERE id = $1`, [r1]);
    expect(a.status).toBe('assigned');
    expect(a.scores[0].score).toBe(5);

    const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[1] });
    expect((await api.http().post(`/api/applications/${a2}/withdraw`).set(bearer(ngo.token))).status).toBe(
      200,
    );
    const afterWithdraw = await put(r2, 7);
    expect(afterWithdraw.status).toBe(409);
    expect(afterWithdraw.body.type).toBe('/problems/application-decided');
  });

  it('issue 11 item 6: signing makes due the after-report tranche of a report accepted before signature', async () => {
    const {
      applicationIds: [a1],
      organizationIds,
    } = await callWith(1);
    const d = await decide(api, fm, a1, {
      decision: 'approve',
      tranches: [
        { percent: 60, condition: 'on_signature' },
        { percent: 40, condition: 'after_report' },
      ],
    });
    expect(d.status).toBe(201);
    const grantId = d.body.grantId as string;
    const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[0] });
    await acceptedReport(
      api,
      grantId,
      { ngo: ngo.token, fm },
      { periodEnd: '2015-06-30', spent: 100_000, narrative: 'Interim report before the signature', count: 4 },
    );
    const signed = await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(fm));
    expect(signed.status).toBe(200);
    expect(signed.body.tranches.map((t: { state: string }) => t.state)).toEqual(['due', 'due']);
    const pay = await api
      .http()
      .post(`/api/grants/${grantId}/tranches/2/disburse`)
      .set(bearer(finance))
      .set('idempotency-key', unique('pay'))
      .send({});
    expect(pay.status).toBe(201);
  });

  it('issue 11 also: GET /api/grants?limit=500 runs a fixed number of queries, not four per grant', async () => {
    const { applicationIds } = await callWith(6);
    const [fundId] = (
      await api.db.query(`SELECT fund_id FROM applications WHERE id = $1`, [applicationIds[0]])
    ).map((r: { fund_id: string }) => r.fund_id);
    for (const id of applicationIds)
      expect((await decide(api, fm, id, { decision: 'approve' })).status).toBe(201);
    const one = await callWith(1);
    expect((await decide(api, fm, one.applicationIds[0], { decision: 'approve' })).status).toBe(201);
    const [oneFund] = (
      await api.db.query(`SELECT fund_id FROM applications WHERE id = $1`, [one.applicationIds[0]])
    ).map((r: { fund_id: string }) => r.fund_id);

    // Every statement of the API goes through a PostgresQueryRunner: count those that read grant tables.
    const runner = api.db.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (sql: string) => Promise<unknown> };
    await runner.release();
    const spy = jest.spyOn(proto, 'query');
    const grantQueries = async (fund: string, expected: number) => {
      spy.mockClear();
      const res = await api.http().get(`/api/grants?limit=500&fundId=${fund}`).set(bearer(fm));
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(expected);
      return spy.mock.calls.filter(([sql]) =>
        /\bgrant(s|_tranches|_reports|_returns|_report_victims)\b/.test(sql),
      ).length;
    };
    try {
      const many = await grantQueries(fundId, 6);
      const few = await grantQueries(oneFund, 1);
      expect(many).toBe(few);
      expect(many).toBeLessThanOrEqual(5);
    } finally {
      spy.mockRestore();
    }
  });
});
