import { Api, adminToken, registerNgo, startApi } from '../setup/harness';
import { bearer } from '../factories/grant-cycle';

/** The portal's organization page: an NGO member reads their own organization, and no other (issue 14). */
describe('an NGO reads its own organization', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('answers the own organization, 404 for another one, and staff still read any', async () => {
    const [mine, theirs] = await Promise.all([registerNgo(api, 'KE'), registerNgo(api, 'NG')]);
    const own = await api.http().get(`/api/organizations/${mine.organizationId}`).set(bearer(mine.token));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: mine.organizationId, country: 'KE', verified: false });
    const other = await api.http().get(`/api/organizations/${theirs.organizationId}`).set(bearer(mine.token));
    expect(other.status).toBe(404);
    expect(other.body.type).toBe('/problems/not-found');
    const admin = await adminToken(api);
    const staff = await api.http().get(`/api/organizations/${theirs.organizationId}`).set(bearer(admin));
    expect(staff.status).toBe(200);
    const list = await api.http().get('/api/organizations').set(bearer(mine.token));
    expect(list.status).toBe(403);
  });
});
