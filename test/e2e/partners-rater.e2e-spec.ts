import { bearer, createFund, verifiedNgo } from '../factories/grant-cycle';
import { Api, startApi, unique, userWithRoles } from '../setup/harness';

const ANSWERS = [
  { key: 'governance', score: 4 },
  { key: 'financial_management', score: 3 },
  { key: 'internal_control', score: 3 },
  { key: 'procurement', score: 2 },
  { key: 'human_resources', score: 3 },
  { key: 'psea', score: 4 },
  { key: 'reporting', score: 2 },
];

/**
 * The risk rating history names its rater: fund managers cannot read users (GET /api/users/:id is the
 * admin's), so the view carries the rater's display name, read through identity's public service.
 */
describe("the partner's risk history names who rated", () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it("answers the rater's name beside the id, to another fund manager of the fund too", async () => {
    const fundId = await createFund(api, { available: 1_000_000 });
    const ngo = await verifiedNgo(api);
    const name = unique('Amina Diallo');
    const rater = await userWithRoles(api, ['fund_manager'], { name });
    const colleague = await userWithRoles(api, ['fund_manager'], { fundIds: [fundId] });

    const rated = await api
      .http()
      .post(`/api/partners/${ngo.organizationId}/assessments`)
      .set(bearer(rater.token))
      .send({ fundId, answers: ANSWERS, note: 'sound controls' });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ assessedBy: rater.id, assessedByName: name });

    // the colleague may not read the rater as a user, yet the history names them
    expect((await api.http().get(`/api/users/${rater.id}`).set(bearer(colleague.token))).status).toBe(403);
    const dd = await api
      .http()
      .get(`/api/partners/${ngo.organizationId}/due-diligence`)
      .set(bearer(colleague.token));
    expect(dd.status).toBe(200);
    const mine = dd.body.assessments.filter((a: { fundId: string }) => a.fundId === fundId);
    expect(mine).toEqual([
      expect.objectContaining({ assessedBy: rater.id, assessedByName: name, level: 'low' }),
    ]);
  });
});
