import { randomInt } from 'node:crypto';
import { Api, startApi, userWithRoles } from '../setup/harness';

/**
 * Two API processes (two Nest applications on their own ports, as behind a balancer) share the rate-limit
 * counters in Redis. Both trust 127.0.0.1 as their balancer (TRUST_PROXY), so each test counts under a
 * fresh client address given in X-Forwarded-For, apart from every other test's counters.
 */
describe('accounts: rate limits shared by API processes, behind TRUST_PROXY, IPv6 per /64', () => {
  let a: Api;
  let b: Api;
  let plain: Api;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { RATE_LIMIT_PER_MINUTE: '6', TRUST_PROXY: '127.0.0.1' });
    try {
      a = await startApi();
      b = await startApi();
    } finally {
      process.env.RATE_LIMIT_PER_MINUTE = saved.RATE_LIMIT_PER_MINUTE;
      delete process.env.TRUST_PROXY;
    }
    plain = await startApi(); // no TRUST_PROXY
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await plain?.close();
  });

  const v6net = () => `2001:db8:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}`;
  const v4 = () => `198.51.${randomInt(256)}.${randomInt(256)}`;

  it('the general per-address limit is one count across two API processes, an IPv6 /64 counted as one client', async () => {
    const net = v6net();
    const get = (api: Api, host: string) =>
      api.http().get('/api/calls').set('x-forwarded-for', `${net}:${host}`);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await get(a, `${i}::1`)).status);
      statuses.push((await get(b, `${i}::2`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const over = await get(a, 'ffff::9');
    expect(over.status).toBe(429);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await get(b, 'abcd::1')).status).toBe(429);
    // another /64 is another client
    expect((await b.http().get('/api/calls').set('x-forwarded-for', `${v6net()}::1`)).status).toBe(200);
  });

  it('failed sign-ins per (e-mail, address) are counted across processes; the answer does not say which limit', async () => {
    const u = await userWithRoles(plain, ['reviewer']);
    const address = v4();
    const attempt = (api: Api, from: string, password = 'wrong-password-xx') =>
      api.http().post('/api/auth/login').set('x-forwarded-for', from).send({ email: u.email, password });
    for (let i = 0; i < 5; i += 1) expect((await attempt(i % 2 ? b : a, address)).status).toBe(401);
    const sixth = await attempt(b, address);
    expect(sixth.status).toBe(429);
    expect(sixth.body.type).toBe('/problems/too-many-logins');
    // even the right password, from there, for now
    expect((await attempt(a, address, 'a-good-password-1')).status).toBe(429);
    // the owner, elsewhere, is not locked out by guesses from that address
    expect((await attempt(a, v4(), 'a-good-password-1')).status).toBe(200);
  });

  it('failed sign-ins per e-mail from many addresses meet the looser per-e-mail limit, with the same answer', async () => {
    const u = await userWithRoles(plain, ['reviewer']);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const api = i % 2 ? a : b;
      const res = await api
        .http()
        .post('/api/auth/login')
        .set('x-forwarded-for', v4())
        .send({ email: u.email, password: 'wrong-password-xx' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.type).toBe('/problems/too-many-logins');
        expect(res.body.detail).toBe('Too many failed sign-ins; try again later');
      }
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: the address is the socket’s', async () => {
    const u = await userWithRoles(plain, ['reviewer']);
    const res = await plain
      .http()
      .post('/api/auth/login')
      .set('x-forwarded-for', '203.0.113.50')
      .send({ email: u.email, password: 'a-good-password-1' });
    const sessions = await plain
      .http()
      .get('/api/me/sessions')
      .set('authorization', `Bearer ${res.body.accessToken}`);
    expect(sessions.body.find((s: { current: boolean }) => s.current).address).toBe('127.0.0.1');
    const behind = await a
      .http()
      .post('/api/auth/login')
      .set('x-forwarded-for', '203.0.113.50')
      .send({ email: u.email, password: 'a-good-password-1' });
    const seen = await a
      .http()
      .get('/api/me/sessions')
      .set('x-forwarded-for', '203.0.113.50')
      .set('authorization', `Bearer ${behind.body.accessToken}`);
    expect(seen.body.find((s: { current: boolean }) => s.current).address).toBe('203.0.113.50');
  });
});
