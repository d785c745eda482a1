import { INestApplicationContext } from '@nestjs/common';
import { Api, adminToken, startApi, startWorker, unique, userWithRoles, waitFor } from '../setup/harness';
import { startSmtp } from '../setup/smtp';

const PASSWORD = 'a-good-password-1'; // what userWithRoles sets
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(api: Api, email: string, password = PASSWORD, userAgent?: string) {
  const req = api.http().post('/api/auth/login');
  if (userAgent) void req.set('user-agent', userAgent);
  const res = await req.send({ email, password });
  expect(res.status).toBe(200);
  return res;
}

async function auditActions(api: Api, userId: string): Promise<string[]> {
  const rows: { action: string }[] = await api.db.query(
    `SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY at, id`,
    [userId],
  );
  return rows.map((r) => r.action);
}

describe('accounts: sessions, refresh tokens, sign-out, password reset and change', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('sign-in answers an access token, a refresh token and an HttpOnly SameSite=Strict cookie on /api/auth', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const res = await signIn(api, u.email);
    expect(res.body).toMatchObject({
      status: 'signed_in',
      tokenType: 'Bearer',
      expiresIn: 900,
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      sessionId: expect.any(String),
      mfaEnrolmentRequired: false,
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`tfg_refresh=${res.body.refreshToken}`);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // NODE_ENV=test; production adds Secure
    const stored: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
      [res.body.refreshToken],
    );
    expect(stored[0].n).toBe(1); // only its hash is stored
  });

  it('a refresh rotates the token (body or cookie); a reused refresh token revokes its whole family', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const first = (await signIn(api, u.email)).body;
    const second = await api.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.sessionId).toBe(first.sessionId);
    // a browser sends the cookie instead
    const third = await api
      .http()
      .post('/api/auth/refresh')
      .set('cookie', `tfg_refresh=${second.body.refreshToken}`);
    expect(third.status).toBe(200);
    expect((await api.http().get('/api/me').set(bearer(third.body.accessToken))).status).toBe(200);

    // the first token again: theft. Refused, and the family (the newest token and its access tokens) dies.
    const reused = await api.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.type).toBe('/problems/token-invalid');
    const newest = await api.http().post('/api/auth/refresh').send({ refreshToken: third.body.refreshToken });
    expect(newest.status).toBe(401);
    expect(newest.body.type).toBe('/problems/token-invalid');
    expect((await api.http().get('/api/me').set(bearer(third.body.accessToken))).status).toBe(401);
    expect(await auditActions(api, u.id)).toContain('session.refresh-reuse-detected');
  });

  it('two refreshes racing with one token: exactly one wins, and the family is revoked', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const { refreshToken } = (await signIn(api, u.email)).body;
    const results = await Promise.all(
      [1, 2, 3].map(() => api.http().post('/api/auth/refresh').send({ refreshToken })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401, 401]);
    const winner = results.find((r) => r.status === 200)!;
    expect(
      (await api.http().post('/api/auth/refresh').send({ refreshToken: winner.body.refreshToken })).status,
    ).toBe(401);
  });

  it('refuses unknown, malformed and empty refresh tokens with token-invalid and changes nothing', async () => {
    const before: { n: number }[] = await api.db.query(`SELECT count(*)::int AS n FROM refresh_tokens`);
    for (const body of [{ refreshToken: 'A'.repeat(43) }, { refreshToken: 'short' }, {}]) {
      const res = await api.http().post('/api/auth/refresh').send(body);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('/problems/token-invalid');
    }
    const after: { n: number }[] = await api.db.query(`SELECT count(*)::int AS n FROM refresh_tokens`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('lists the sessions (device, address, current); ending one makes its next request 401', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
    const a = (await signIn(api, u.email, PASSWORD, firefox)).body;
    const b = (await signIn(api, u.email, PASSWORD, 'curl/8.5.0')).body;
    const list = await api.http().get('/api/me/sessions').set(bearer(b.accessToken));
    expect(list.status).toBe(200);
    const mine = list.body as { id: string; device: string; address: string; current: boolean }[];
    expect(mine.map((s) => s.id).sort()).toEqual(expect.arrayContaining([a.sessionId, b.sessionId]));
    expect(mine.find((s) => s.id === a.sessionId)).toMatchObject({
      device: 'Firefox 128 on Windows',
      address: '127.0.0.1',
      current: false,
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
    expect(mine.find((s) => s.id === b.sessionId)?.current).toBe(true);

    const other = await userWithRoles(api, ['reviewer']);
    const notMine = await api.http().delete(`/api/me/sessions/${a.sessionId}`).set(bearer(other.token));
    expect(notMine.status).toBe(404);
    expect((await api.http().get('/api/me').set(bearer(a.accessToken))).status).toBe(200);

    expect(
      (await api.http().delete(`/api/me/sessions/${a.sessionId}`).set(bearer(b.accessToken))).status,
    ).toBe(204);
    expect((await api.http().get('/api/me').set(bearer(a.accessToken))).status).toBe(401);
    expect((await api.http().post('/api/auth/refresh').send({ refreshToken: a.refreshToken })).status).toBe(
      401,
    );
    expect((await api.http().get('/api/me').set(bearer(b.accessToken))).status).toBe(200);
  });

  it('logout ends this session and clears the cookie; logout-all ends every session', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const a = (await signIn(api, u.email)).body;
    const out = await api.http().post('/api/auth/logout').set(bearer(a.accessToken));
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/tfg_refresh=; Max-Age=0/);
    expect((await api.http().get('/api/me').set(bearer(a.accessToken))).status).toBe(401);
    expect((await api.http().post('/api/auth/refresh').send({ refreshToken: a.refreshToken })).status).toBe(
      401,
    );

    const b = (await signIn(api, u.email)).body;
    const c = (await signIn(api, u.email)).body;
    const all = await api.http().post('/api/auth/logout-all').set(bearer(b.accessToken));
    expect(all.status).toBe(200);
    expect(all.body.revoked).toBeGreaterThanOrEqual(2);
    for (const t of [b.accessToken, c.accessToken]) {
      expect((await api.http().get('/api/me').set(bearer(t))).status).toBe(401);
    }
  });

  it("a deactivated user's next request is 401, and so is one after a change of roles", async () => {
    const admin = await adminToken(api);
    const u = await userWithRoles(api, ['reviewer']);
    expect((await api.http().get('/api/me').set(bearer(u.token))).status).toBe(200);
    const off = await api.http().patch(`/api/users/${u.id}`).set(bearer(admin)).send({ active: false });
    expect(off.status).toBe(200);
    expect((await api.http().get('/api/me').set(bearer(u.token))).status).toBe(401);

    const v = await userWithRoles(api, ['reviewer']);
    const refresh = (await signIn(api, v.email)).body.refreshToken;
    const promoted = await api
      .http()
      .patch(`/api/users/${v.id}`)
      .set(bearer(admin))
      .send({ roles: ['reviewer', 'fund_manager'] });
    expect(promoted.status).toBe(200);
    expect((await api.http().get('/api/me').set(bearer(v.token))).status).toBe(401);
    expect((await api.http().post('/api/auth/refresh').send({ refreshToken: refresh })).status).toBe(401);
    expect(await auditActions(api, v.id)).toContain('session.revoked-all');
    // a fresh sign-in carries the new roles
    const again = (await signIn(api, v.email)).body.accessToken;
    expect((await api.http().get('/api/me').set(bearer(again))).body.roles).toEqual([
      'reviewer',
      'fund_manager',
    ]);
  });

  const resetMail = (email: string) =>
    smtp.mails.filter((m) => m.to.includes(email.toLowerCase()) && /new password/i.test(m.subject));
  const tokenIn = (raw: string): string => {
    const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    return /token=([A-Za-z0-9_-]{43})/.exec(text)![1];
  };

  it('password reset: 202 the same for known and unknown addresses; the link works once and ends every session', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const known = await api.http().post('/api/auth/password-reset').send({ email: u.email.toUpperCase() });
    const unknown = await api
      .http()
      .post('/api/auth/password-reset')
      .send({ email: `${unique('nobody')}@tests.example.org` });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const [mail] = await waitFor(
      async () => resetMail(u.email),
      (m) => m.length === 1,
    );
    const token = tokenIn(mail.raw);
    const stored: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM auth_tokens WHERE kind = 'password_reset' AND user_id = $1
         AND token_hash = sha256(convert_to($2, 'UTF8')) AND expires_at <= now() + interval '1 hour'`,
      [u.id, token],
    );
    expect(stored[0].n).toBe(1);

    // a weak password is refused with the reason, and the link still works afterwards
    const weak = await api.http().post('/api/auth/password-reset/confirm').send({ token, password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.type).toBe('/problems/weak-password');
    expect(weak.body.errors).toEqual([
      { field: 'password', messages: [expect.stringMatching(/12 characters/)] },
    ]);
    const common = await api
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: '123456789012' });
    expect(common.status).toBe(422);
    expect(common.body.detail).toMatch(/common/);

    const newPassword = 'a-brand-new-password-2';
    const ok = await api
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: newPassword });
    expect(ok.status).toBe(204);
    expect((await api.http().get('/api/me').set(bearer(u.token))).status).toBe(401);
    const again = await api
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'yet-another-password-3' });
    expect(again.status).toBe(401);
    expect(again.body.type).toBe('/problems/token-invalid');
    expect(
      (await api.http().post('/api/auth/login').send({ email: u.email, password: PASSWORD })).status,
    ).toBe(401);
    await signIn(api, u.email, newPassword);
    const actions = await auditActions(api, u.id);
    expect(actions).toEqual(expect.arrayContaining(['password.reset-requested', 'password.reset']));
    const summaries: { summary: object }[] = await api.db.query(
      `SELECT summary FROM audit_log WHERE entity_id = $1`,
      [u.id],
    );
    expect(JSON.stringify(summaries)).not.toContain(token);
    expect(JSON.stringify(summaries)).not.toContain(newPassword);
  });

  it('mails one address at most 3 reset links an hour, and the API answers the same 202 each time', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    for (let i = 0; i < 5; i += 1) {
      expect((await api.http().post('/api/auth/password-reset').send({ email: u.email })).status).toBe(202);
    }
    await waitFor(
      async () => resetMail(u.email),
      (m) => m.length === 3,
      20_000,
    );
    // the requests were relayed and handled in order: give the last two time to (not) arrive
    await new Promise((r) => setTimeout(r, 2500));
    expect(resetMail(u.email)).toHaveLength(3);
    const tokens: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM auth_tokens WHERE user_id = $1 AND kind = 'password_reset'`,
      [u.id],
    );
    expect(tokens[0].n).toBe(3);
  });

  it('password reset confirm refuses an unknown token and changes nothing', async () => {
    const res = await api
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: 'B'.repeat(43), password: 'a-brand-new-password-2' });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('/problems/token-invalid');
  });

  it('changing the own password needs the current one and ends the other sessions, not this one', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const here = (await signIn(api, u.email)).body.accessToken;
    const wrong = await api
      .http()
      .post('/api/me/password')
      .set(bearer(here))
      .send({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-password-2' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.type).toBe('/problems/current-password-wrong');
    const weak = await api
      .http()
      .post('/api/me/password')
      .set(bearer(here))
      .send({ currentPassword: PASSWORD, newPassword: 'password1234' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('newPassword');
    const ok = await api
      .http()
      .post('/api/me/password')
      .set(bearer(here))
      .send({ currentPassword: PASSWORD, newPassword: 'a-brand-new-password-2' });
    expect(ok.status).toBe(204);
    expect((await api.http().get('/api/me').set(bearer(here))).status).toBe(200);
    expect((await api.http().get('/api/me').set(bearer(u.token))).status).toBe(401);
    await signIn(api, u.email, 'a-brand-new-password-2');
    expect(await auditActions(api, u.id)).toContain('password.changed');
  });

  it('describes every new route in the OpenAPI document with a success schema', async () => {
    const doc = (await api.http().get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    const routes: [string, string, string][] = [
      ['/api/auth/login', 'post', '200'],
      ['/api/auth/refresh', 'post', '200'],
      ['/api/auth/mfa', 'post', '200'],
      ['/api/auth/logout-all', 'post', '200'],
      ['/api/auth/password-reset', 'post', '202'],
      ['/api/me/sessions', 'get', '200'],
      ['/api/me/mfa/enrol', 'post', '200'],
      ['/api/me/mfa/confirm', 'post', '200'],
      ['/api/users/{id}/mfa', 'delete', '200'],
    ];
    for (const [path, method, status] of routes) {
      expect(doc.paths[path]?.[method]?.responses[status]?.content).toBeDefined();
    }
    for (const [path, method] of [
      ['/api/auth/logout', 'post'],
      ['/api/auth/password-reset/confirm', 'post'],
      ['/api/me/sessions/{id}', 'delete'],
      ['/api/me/password', 'post'],
    ]) {
      expect(doc.paths[path]?.[method]?.responses['204']).toBeDefined();
    }
  });
});
