import { Api, staffTokens, startApi } from '../setup/harness';
import { bearer } from '../factories/grant-cycle';
import { approve, fullWorkflowFund, member, postAward } from '../factories/post-award';

/**
 * In the full post-award workflow (ADR 0012) a report follows the accepted offer and the agreement signed by
 * both sides: before, the API refuses it (409 problem+json `GRANTS.REPORTING_NOT_OPEN`, nothing written) and
 * the grant view's `reporting` says why; after the countersignature it is taken. A simple-workflow grant
 * keeps the contract: reports before any signature.
 */
describe('reports wait for the accepted offer and the signed agreement (full workflow)', () => {
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

  const post = (path: string, token: string, body: object = {}) =>
    api.http().post(path).set(bearer(token)).send(body);
  const report = {
    periodEnd: new Date().toISOString().slice(0, 10),
    spent: 100_000,
    narrative: 'Shelter opened',
    victimsAssisted: [{ service: 'shelter', country: 'NG', count: 4 }],
  };
  const reportCount = async (grantId: string) =>
    (await api.db.query(`SELECT count(*)::int AS n FROM grant_reports WHERE grant_id = $1`, [grantId]))[0]
      .n as number;

  it('refuses a report before acceptance and before the countersignature, takes it after', async () => {
    const { applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 10_000_000, count: 1, requested: 1_000_000 },
    );
    const g = await approve(api, fm, applicationIds[0]);
    const ngo = await member(api, organizationIds[0]);
    const view = async () => (await api.http().get(`/api/grants/${g}`).set(bearer(ngo.token))).body;

    // offered, not accepted
    expect((await view()).reporting).toEqual({ open: false, blockedBy: 'offer_not_accepted' });
    const early = await post(`/api/grants/${g}/reports`, ngo.token, report);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.body).toMatchObject({
      code: 'GRANTS.REPORTING_NOT_OPEN',
      type: expect.stringContaining('/problems/reporting-not-open'),
      detail: expect.stringContaining('accept the offer'),
    });
    expect(await reportCount(g)).toBe(0);

    // accepted and signed by the grantee, not yet countersigned
    const accepted = await post(`/api/grants/${g}/accept`, ngo.token, {
      language: 'en',
      signatoryId: ngo.id,
    });
    expect(accepted.status).toBe(200);
    const v = accepted.body.agreement.current;
    expect(
      (await post(`/api/grants/${g}/agreement/sign`, ngo.token, { version: v.version, sha256: v.sha256 }))
        .status,
    ).toBe(200);
    expect((await view()).reporting).toEqual({ open: false, blockedBy: 'agreement_not_signed' });
    const unsigned = await post(`/api/grants/${g}/reports`, ngo.token, report);
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.code).toBe('GRANTS.REPORTING_NOT_OPEN');
    expect(unsigned.body.detail).toContain('countersignature');
    expect(await reportCount(g)).toBe(0);

    // countersigned: the report is taken and lands on the schedule
    expect((await post(`/api/grants/${g}/sign`, fm)).status).toBe(200);
    expect((await view()).reporting).toEqual({ open: true, blockedBy: null });
    const taken = await post(`/api/grants/${g}/reports`, ngo.token, report);
    expect(taken.status).toBe(201);
    expect(await reportCount(g)).toBe(1);
    expect((await postAward(api, ngo.token, g)).reportSchedule[0]).toMatchObject({
      state: 'submitted',
      reportId: taken.body.id,
    });
  });

  it('a declined award takes no report; a simple-workflow grant takes one before any signature', async () => {
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 10_000_000, count: 2, requested: 1_000_000 },
    );
    const declined = await approve(api, fm, applicationIds[0]);
    const ngo = await member(api, organizationIds[0]);
    const k = { 'idempotency-key': `decline-${declined}` };
    expect(
      (
        await api
          .http()
          .post(`/api/grants/${declined}/decline`)
          .set(bearer(ngo.token))
          .set(k)
          .send({ reason: 'Cannot run it' })
      ).status,
    ).toBe(201);
    expect((await api.http().get(`/api/grants/${declined}`).set(bearer(ngo.token))).body.reporting).toEqual({
      open: false,
      blockedBy: 'grant_cancelled',
    });
    const refused = await post(`/api/grants/${declined}/reports`, ngo.token, report);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('GRANTS.STATE');

    await api
      .http()
      .put(`/api/funds/${fund.id}/post-award-settings`)
      .set(bearer(fm))
      .send({ workflow: 'simple', acceptanceDays: 30 });
    const simple = await approve(api, fm, applicationIds[1]);
    const other = await member(api, organizationIds[1]);
    const before = await api.http().get(`/api/grants/${simple}`).set(bearer(other.token));
    expect(before.body).toMatchObject({ signed: false, reporting: { open: true, blockedBy: null } });
    expect((await post(`/api/grants/${simple}/reports`, other.token, report)).status).toBe(201);
  });
});
