import { createHmac } from 'node:crypto';
import {
  Api,
  adminToken,
  confirmEmail,
  login,
  registerNgo,
  startApi,
  unique,
  userWithRoles,
} from '../setup/harness';

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function forge(payload: object, secret: string | null, alg = 'HS256'): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  if (secret === null) return `${head}.`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('identity: register, login, me, users (as a new user would, over HTTP)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('registers an NGO (unverified), logs its member in and shows them on /api/me', async () => {
    const ngo = await registerNgo(api, 'KE');
    const me = await api.http().get('/api/me').set('authorization', `Bearer ${ngo.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: ngo.userId,
      roles: ['ngo'],
      organizationId: ngo.organizationId,
      donorId: null,
      fundIds: [],
    });
    expect(me.body).not.toHaveProperty('passwordHash');

    const admin = await adminToken(api);
    const orgs = await api
      .http()
      .get('/api/organizations?verified=false&limit=500')
      .set('authorization', `Bearer ${admin}`);
    expect(orgs.status).toBe(200);
    expect(orgs.body.items.map((o: { id: string }) => o.id)).toContain(ngo.organizationId);
    const verified = await api
      .http()
      .post(`/api/organizations/${ngo.organizationId}/verify`)
      .set('authorization', `Bearer ${admin}`);
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toBe(true);
  });

  it('answers a second registration with the same email in another letter case as a new one, creating nothing', async () => {
    // issue 13: no account enumeration; the address's owner is mailed instead (accounts-people.e2e-spec.ts)
    const email = `${unique('case')}@ngo.example.org`;
    const body = (e: string) => ({
      organization: { name: unique('Org'), country: 'GH', registrationNumber: 'R-1' },
      user: { email: e, password: 'password-123', name: 'A' },
    });
    const first = await api.http().post('/api/auth/register').send(body(email));
    expect(first.status).toBe(201);
    const again = await api.http().post('/api/auth/register').send(body(email.toUpperCase()));
    expect(again.status).toBe(201);
    expect(Object.keys(again.body).sort()).toEqual(Object.keys(first.body).sort());
    expect(again.body.user.id).not.toBe(first.body.user.id);
    const users = await api.db.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    expect(users).toEqual([{ id: first.body.user.id }]);
    // and logging in ignores case too (once the address is confirmed)
    await confirmEmail(api, first.body.user.id);
    await expect(login(api, email.toUpperCase(), 'password-123')).resolves.toEqual(expect.any(String));
  });

  it('lets the admin create a fund manager who can log in; others may not create users', async () => {
    const fm = await userWithRoles(api, ['fund_manager']);
    const me = await api.http().get('/api/me').set('authorization', `Bearer ${fm.token}`);
    expect(me.body.roles).toEqual(['fund_manager']);
    const forbidden = await api
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${fm.token}`)
      .send({ nonsense: true });
    expect(forbidden.status).toBe(403); // authorization before validation
    expect(forbidden.body.type).toBe('/problems/forbidden');
  });

  it('answers a wrong password with 401 problem+json', async () => {
    const ngo = await registerNgo(api);
    const res = await api
      .http()
      .post('/api/auth/login')
      .send({ email: ngo.email, password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 401,
      code: 'AUTH.BAD_CREDENTIALS',
      type: '/problems/bad-credentials',
    });
  });

  it('answers the sixth failed login for one email within a minute with 429, also for unknown emails', async () => {
    for (const email of [(await registerNgo(api)).email, `${unique('nobody')}@nowhere.example.org`]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await api.http().post('/api/auth/login').send({ email, password: 'wrong-password' })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    }
  });

  it('answers an extra body field with 400 problem+json naming it, nested ones too', async () => {
    const res = await api
      .http()
      .post('/api/auth/register')
      .send({
        organization: { name: 'X', country: 'NG', registrationNumber: 'R', extraInner: 1 },
        user: { email: `${unique('e')}@x.org`, password: 'password-123', name: 'A' },
        extraOuter: 2,
      });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['extraOuter', 'organization.extraInner']));
  });

  it('lists every invalid field at once', async () => {
    const res = await api
      .http()
      .post('/api/auth/register')
      .send({
        organization: { name: '', country: 'XX' },
        user: { email: 'not-an-email', password: 'short' },
      });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'organization.name',
        'organization.country',
        'organization.registrationNumber',
        'user.email',
        'user.password',
        'user.name',
      ]),
    );
  });

  it('refuses tokens signed with "none", with another key, for another audience, or expired (401)', async () => {
    const ngo = await registerNgo(api);
    const sub = ngo.userId;
    const now = Math.floor(Date.now() / 1000);
    const good = { sub, aud: 'trust-fund-grants', iss: 'trust-fund-grants', iat: now, exp: now + 600 };
    const secret = process.env.JWT_SECRET!;
    const tokens = [
      forge(good, null, 'none'),
      forge(good, 'another-secret-another-secret-another'),
      forge({ ...good, aud: 'someone-else' }, secret),
      forge({ ...good, exp: now - 10 }, secret),
      forge({ ...good, aud: undefined }, secret),
      'garbage',
    ];
    for (const token of tokens) {
      const res = await api.http().get('/api/me').set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('/problems/unauthorized');
    }
    // the control: the same claims signed properly are accepted
    expect(
      (
        await api
          .http()
          .get('/api/me')
          .set('authorization', `Bearer ${forge(good, secret)}`)
      ).status,
    ).toBe(200);
    expect((await api.http().get('/api/me')).status).toBe(401);
  });

  it('lets the admin deactivate a user, whose token then stops working', async () => {
    const fm = await userWithRoles(api, ['reviewer']);
    const admin = await adminToken(api);
    const res = await api
      .http()
      .patch(`/api/users/${fm.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await api.http().get('/api/me').set('authorization', `Bearer ${fm.token}`)).status).toBe(401);
    const again = await api
      .http()
      .post('/api/auth/login')
      .send({ email: fm.email, password: 'a-good-password-1' });
    expect(again.status).toBe(401);
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await api.http().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, type: '/problems/not-found' });
  });

  it('takes an empty JSON body on an action route as no body', async () => {
    const ngo = await registerNgo(api);
    const admin = await adminToken(api);
    const res = await api
      .http()
      .post(`/api/organizations/${ngo.organizationId}/verify`)
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/json');
    expect(res.status).toBe(200);
    const empty = await api.http().post('/api/auth/login').set('content-type', 'application/json').send('');
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
    const poisoned = await api
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"a@b.org","password":"x","__proto__":{"admin":true}}');
    expect(poisoned.status).toBe(400);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await api
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
