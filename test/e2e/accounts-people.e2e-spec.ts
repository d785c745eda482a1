import { Api, login, registerNgo, startApi, unique, waitFor } from '../setup/harness';
import { linkToken, textOf, mailJourney } from '../setup/mail';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Recursively the keys and value types of a JSON value: the "shape" two answers must share. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  return value === null ? 'null' : typeof value;
}

describe('NGO self-registration with a verified e-mail', () => {
  const j = mailJourney();
  let api: Api;
  const { mailsTo, mailTo } = j;
  beforeAll(() => {
    ({ api } = j);
  });

  const registerBody = (email: string, name = unique('NGO')) => ({
    organization: { name, country: 'KE', registrationNumber: unique('REG') },
    user: { email, password: 'a-long-ngo-password', name: 'Wanjiru Kamau' },
  });

  it('keeps an NGO inactive until the mailed link confirms it; fund managers hear of it only then', async () => {
    const email = `${unique('self')}@ngo.example.org`;
    const res = await api.http().post('/api/auth/register').send(registerBody(email));
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ active: false, isOrgAdmin: true, roles: ['ngo'] });
    const orgId = res.body.organization.id;
    const registeredEvents = () =>
      api.db.query(
        `SELECT 1 FROM outbox WHERE name = 'identity.organization-registered' AND payload->>'organizationId' = $1`,
        [orgId],
      );

    const refused = await api.http().post('/api/auth/login').send({ email, password: 'a-long-ngo-password' });
    expect(refused.status).toBe(401);
    expect(await registeredEvents()).toEqual([]);

    const mail = await mailTo(email, /^Confirm your e-mail address$/);
    const token = linkToken(mail);
    const [stored] = await api.db.query(
      `SELECT encode(token_hash, 'hex') AS h FROM account_tokens WHERE user_id = $1`,
      [res.body.user.id],
    );
    expect(stored.h).not.toContain(Buffer.from(token).toString('hex')); // only the hash is stored
    const confirmed = await api.http().post('/api/auth/confirm-email').send({ token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: res.body.user.id, active: true });
    expect(await registeredEvents()).toHaveLength(1);
    await expect(login(api, email, 'a-long-ngo-password')).resolves.toEqual(expect.any(String));

    const again = await api.http().post('/api/auth/confirm-email').send({ token });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ type: '/problems/token-invalid', code: 'AUTH.TOKEN_INVALID' });
    const audit = await api.db.query(
      `SELECT summary FROM audit_log WHERE action = 'user.email-confirmed' AND entity_id = $1`,
      [res.body.user.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].summary.address).toMatch(/127\.0\.0\.1/);
  });

  it('answers a registration of an existing e-mail (any letter case) exactly as a new one, and warns that address', async () => {
    const ngo = await registerNgo(api); // registered and confirmed
    await api.http().patch('/api/me').set(bearer(ngo.token)).send({ locale: 'fr' }).expect(200);
    const fresh = await api
      .http()
      .post('/api/auth/register')
      .send(registerBody(`${unique('fresh')}@ngo.example.org`));
    const secondName = unique('Copycat NGO');
    const dup = await api
      .http()
      .post('/api/auth/register')
      .send(registerBody(ngo.email.toUpperCase(), secondName));
    expect(dup.status).toBe(fresh.status);
    expect(dup.headers['content-type']).toBe(fresh.headers['content-type']);
    expect(shapeOf(dup.body)).toEqual(shapeOf(fresh.body));
    expect(dup.body.user).toMatchObject({ active: false, isOrgAdmin: true, email: ngo.email.toUpperCase() });
    expect(dup.body.user.id).not.toBe(ngo.userId);
    expect(dup.body.organization.id).not.toBe(ngo.organizationId);
    // nothing was created, and the ids answered name nothing
    expect(await api.db.query(`SELECT 1 FROM organizations WHERE name = $1`, [secondName])).toEqual([]);
    expect(await api.db.query(`SELECT 1 FROM users WHERE id = $1`, [dup.body.user.id])).toEqual([]);
    // the owner of the address hears of it, in their language
    const warning = await mailTo(ngo.email, /^Quelqu'un a essayé de s'inscrire avec votre adresse$/);
    expect(textOf(warning)).toContain('qui a déjà un compte');
    await expect(login(api, ngo.email, 'ngo-password-123')).resolves.toEqual(expect.any(String));
  });

  it('keeps a malformed registration body a 400 that changes nothing', async () => {
    for (const body of [{}, null, { user: [] }, { organization: 'x', user: 1 }]) {
      const res = await api
        .http()
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const short = await api
      .http()
      .post('/api/auth/register')
      .send({
        ...registerBody(`${unique('short')}@ngo.example.org`),
        user: { email: `${unique('s')}@x.org`, password: 'only-11-chr', name: 'A' },
      });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      { field: 'user.password', messages: [expect.stringMatching(/12 characters/)] },
    ]);
  });

  it('limits registrations per e-mail and per client address (429), counted in Redis', async () => {
    const email = `${unique('limit')}@ngo.example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api.http().post('/api/auth/register').send(registerBody(email))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);

    // a second API process with a low per-address limit and a fresh prefix: two pass, the third is refused
    const prefix = unique('tfg-e2-reg').replace(/[^A-Za-z0-9_-]/g, '');
    const saved = { limit: process.env.REGISTRATIONS_PER_HOUR, prefix: process.env.REDIS_PREFIX };
    Object.assign(process.env, { REGISTRATIONS_PER_HOUR: '2', REDIS_PREFIX: prefix });
    const strict = await startApi();
    const other = await startApi();
    Object.assign(process.env, { REGISTRATIONS_PER_HOUR: saved.limit, REDIS_PREFIX: saved.prefix });
    try {
      const codes: number[] = [];
      for (const app of [strict, other, strict]) {
        const res = await app
          .http()
          .post('/api/auth/register')
          .send(registerBody(`${unique('addr')}@ngo.example.org`));
        codes.push(res.status);
        if (res.status === 429) expect(res.body.type).toBe('/problems/too-many-registrations');
      }
      expect(codes).toEqual([201, 201, 429]); // two processes, one count
    } finally {
      await strict.close();
      await other.close();
    }
  });

  it('creates one account when registrations of one new address race, and only the last link works', async () => {
    const email = `${unique('race')}@ngo.example.org`;
    const answers = await Promise.all(
      [email, email.toUpperCase(), email].map((e) =>
        api.http().post('/api/auth/register').send(registerBody(e)),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const users = await api.db.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    expect(users).toHaveLength(1);
    // one link stays open, the others died when the next was issued (and are not mailed unless already sent)
    const open = () =>
      api.db.query(
        `SELECT mailed_at FROM account_tokens WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
        [users[0].id],
      );
    expect(await open()).toHaveLength(1);
    await waitFor(open, (rows) => rows[0].mailed_at !== null);
    const tokens = mailsTo(email, /^Confirm/).map(linkToken);
    expect(tokens.length).toBeGreaterThanOrEqual(1);
    const statuses = [];
    for (const token of tokens)
      statuses.push((await api.http().post('/api/auth/confirm-email').send({ token })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(tokens.length - 1);
  });
});
