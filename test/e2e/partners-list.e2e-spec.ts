import { bearer, createFund } from '../factories/grant-cycle';
import { completeProfile, fillProfile } from '../factories/partners';
import { Api, registerNgo, startApi, userWithRoles } from '../setup/harness';

interface Summary {
  organizationId: string;
  name: string;
  complete: boolean;
  missing: number;
  dueDiligenceVerifiedAt: string | null;
  bankChangePending: boolean;
  redFlags: number;
  duplicates: number;
  openHits: number;
  ratings: { fundId: string; level: string; score: number }[];
}

const ALL_STRONG = [
  'governance',
  'financial_management',
  'internal_control',
  'procurement',
  'human_resources',
  'psea',
  'reporting',
].map((key) => ({ key, score: 4 }));

/** Issue 17's portal: the verifiers' list of organizations with where each one's due diligence stands. */
describe('GET /api/partners', () => {
  let api: Api;
  let fm: string;

  beforeAll(async () => {
    api = await startApi();
    fm = (await userWithRoles(api, ['fund_manager'])).token;
  });

  afterAll(async () => {
    await api.close();
  });

  /** Every page of the list (newest first), until the organizations asked for are found. */
  async function summaries(token: string, ids: string[]): Promise<Map<string, Summary>> {
    const found = new Map<string, Summary>();
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Summary[]; nextCursor: string | null } } = await api
        .http()
        .get('/api/partners')
        .query(cursor ? { limit: 50, cursor } : { limit: 50 })
        .set(bearer(token));
      expect(res.status).toBe(200);
      for (const s of res.body.items as Summary[])
        if (ids.includes(s.organizationId)) found.set(s.organizationId, s);
      cursor = res.body.nextCursor;
    } while (cursor && found.size < ids.length);
    return found;
  }

  it('shows completeness, verification, a pending bank change, red flags, duplicates and ratings in the reader’s funds', async () => {
    const [done, empty, twin] = [await registerNgo(api), await registerNgo(api), await registerNgo(api)];
    const name = `List Partner ${done.organizationId.slice(0, 8)}`;
    await fillProfile(api, done.organizationId, done.token, completeProfile(name));
    // the same registration number and country as the first: linked as a duplicate
    const twinProfile = completeProfile(`Twin ${name}`);
    twinProfile.registration = {
      number: `REG-${name}`,
      authority: 'Registry',
      country: 'NG',
      date: '2012-03-01',
    };
    const saved = await api
      .http()
      .patch(`/api/partners/${twin.organizationId}/profile`)
      .set(bearer(twin.token))
      .send({ legalName: twinProfile.legalName, registration: twinProfile.registration });
    expect(saved.status).toBe(200);

    let list = await summaries(fm, [done.organizationId, empty.organizationId, twin.organizationId]);
    expect(list.get(done.organizationId)).toMatchObject({
      complete: true,
      missing: 0,
      dueDiligenceVerifiedAt: null,
      bankChangePending: false,
      redFlags: 0,
      openHits: 0,
      ratings: [],
    });
    expect(list.get(empty.organizationId)).toMatchObject({ complete: false, duplicates: 0 });
    expect(list.get(empty.organizationId)!.missing).toBeGreaterThan(10);
    expect(list.get(twin.organizationId)!.duplicates).toBe(1);

    // verified, then the NGO changes its bank: the change waits for a fund manager
    expect(
      (await api.http().post(`/api/partners/${done.organizationId}/verify`).set(bearer(fm))).status,
    ).toBe(200);
    const bank = await api
      .http()
      .patch(`/api/partners/${done.organizationId}/profile`)
      .set(bearer(done.token))
      .send({
        bank: {
          holder: name,
          bankName: 'Commerzbank',
          bic: 'COBADEFF',
          iban: 'DE44 5001 0517 5407 3249 31',
          country: 'DE',
        },
      });
    expect(bank.status).toBe(200);
    const fundA = await createFund(api);
    const fundB = await createFund(api);
    const rated = await api
      .http()
      .post(`/api/partners/${done.organizationId}/assessments`)
      .set(bearer(fm))
      .send({ fundId: fundA, answers: ALL_STRONG });
    expect(rated.status).toBe(201);
    const red = await api
      .http()
      .post(`/api/partners/${done.organizationId}/observations`)
      .set(bearer(fm))
      .send({ level: 'red', note: 'Audit qualified' });
    expect(red.status).toBe(201);

    list = await summaries(fm, [done.organizationId]);
    expect(list.get(done.organizationId)).toMatchObject({
      complete: true,
      bankChangePending: true,
      redFlags: 1,
      dueDiligenceVerifiedAt: expect.any(String),
      ratings: [{ fundId: fundA, level: 'low', score: 100 }],
    });

    // a fund manager limited to another fund sees the organization, not the rating in a fund not theirs
    const limited = await userWithRoles(api, ['fund_manager'], { fundIds: [fundB] });
    expect((await summaries(limited.token, [done.organizationId])).get(done.organizationId)!.ratings).toEqual(
      [],
    );

    // the verifier's page names the organization
    const dd = await api.http().get(`/api/partners/${done.organizationId}/due-diligence`).set(bearer(fm));
    expect(dd.body.organization).toMatchObject({ id: done.organizationId, country: 'NG', verified: false });
  });

  it('is for staff only, and refuses a bad page size', async () => {
    const ngo = await registerNgo(api);
    const reviewer = await userWithRoles(api, ['reviewer']);
    expect((await api.http().get('/api/partners').set(bearer(ngo.token))).status).toBe(403);
    expect((await api.http().get('/api/partners').set(bearer(reviewer.token))).status).toBe(403);
    expect((await api.http().get('/api/partners')).status).toBe(401);
    const finance = await userWithRoles(api, ['finance']);
    expect((await api.http().get('/api/partners').set(bearer(finance.token))).status).toBe(200);
    const bad = await api.http().get('/api/partners?limit=501').set(bearer(fm));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await api.http().get('/api/partners?verified=maybe').set(bearer(fm))).status).toBe(400);
  });
});
