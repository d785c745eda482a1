import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { REDIS } from '@app/core';
import { Api, startApi, userWithRoles } from '../setup/harness';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('issue 11 item 12: no secret in the logs; the queue board opens with a one-time code', () => {
  let api: Api;
  let lines: string[];
  let restore: () => void;
  const level = process.env.LOG_LEVEL;
  beforeAll(async () => {
    lines = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    restore = () => spy.mockRestore();
    process.env.LOG_LEVEL = 'info'; // the request log is on, as in production
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
    restore();
    process.env.LOG_LEVEL = level;
  });

  it('issue 11 item 12: query-string secrets are redacted from every request log line', async () => {
    const admin = await userWithRoles(api, ['admin']);
    const old = await api.http().get(`/api/admin/queues?token=${admin.token}`);
    expect(old.status).toBe(401); // an access token in the address is refused, and not logged
    await api.http().get('/api/calls?status=open&code=otp-123456&api_key=k-987');
    await api.http().get('/api/nowhere?password=hunter2-hunter2');
    await new Promise((r) => setTimeout(r, 100));
    const log = lines.join('');
    expect(log).toContain('request completed');
    expect(log).toContain('/api/admin/queues?token=[REDACTED]');
    expect(log).toContain('/api/calls?status=open&code=[REDACTED]&api_key=[REDACTED]');
    for (const secret of [admin.token, 'otp-123456', 'k-987', 'hunter2-hunter2']) {
      expect(log).not.toContain(secret);
    }
  });

  it('issue 11 item 12: an admin gets a one-time code valid 60 s, stored hashed, exchanged once for the board cookie', async () => {
    const admin = await userWithRoles(api, ['admin']);
    const fm = await userWithRoles(api, ['fund_manager']);
    expect(
      (await api.http().post('/api/admin/board-codes').set('authorization', `Bearer ${fm.token}`)).status,
    ).toBe(403);
    expect((await api.http().post('/api/admin/board-codes')).status).toBe(401);
    const issued = await api
      .http()
      .post('/api/admin/board-codes')
      .set('authorization', `Bearer ${admin.token}`);
    expect(issued.status).toBe(201);
    const { code, url, expiresInSeconds } = issued.body as {
      code: string;
      url: string;
      expiresInSeconds: number;
    };
    expect(expiresInSeconds).toBe(60);
    expect(url).toBe(`/api/admin/queues?code=${code}`);

    const redis = api.app.get<Redis>(REDIS);
    expect(await redis.exists(`board-code:${code}`)).toBe(0); // only its digest is kept
    const ttl = await redis.ttl(`board-code:${sha256(code)}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);

    const entry = await api.http().get(url);
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toBe('/api/admin/queues');
    const setCookie = String(entry.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\/admin\/queues/);
    const cookie = setCookie.split(';')[0];
    expect(cookie).toMatch(/^tfg_queue_board=/);
    expect(cookie).not.toContain(admin.token);
    expect((await api.http().get('/api/admin/queues/api/queues').set('cookie', cookie)).status).toBe(200);

    const again = await api.http().get(url);
    expect(again.status).toBe(401); // single use
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await api.http().get('/api/admin/queues?code=not-a-code-but-long-enough-0123')).status).toBe(401);
    const forged = await api
      .http()
      .get('/api/admin/queues/api/queues')
      .set('cookie', 'tfg_queue_board=abcdefghijklmnopqrstuvwxyz');
    expect(forged.status).toBe(401);

    // a code of a user who stops being an admin before using it opens nothing
    const demoted = await userWithRoles(api, ['admin']);
    const code2 = (
      await api.http().post('/api/admin/board-codes').set('authorization', `Bearer ${demoted.token}`)
    ).body.code as string;
    await api.db.query(`UPDATE users SET roles = '{finance}' WHERE id = $1`, [demoted.id]);
    expect((await api.http().get(`/api/admin/queues?code=${code2}`)).status).toBe(403);

    await new Promise((r) => setTimeout(r, 100));
    const log = lines.join('');
    expect(log).not.toContain(code);
    expect(log).not.toContain(code2);
    expect(log).not.toContain(cookie.split('=')[1]);
  });
});
