import Fastify, { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { servePortal } from './portal';

// Over HTTP with supertest: fastify.inject's light-my-request needs an ESM-only cookie parser under jest.
describe('serving the portal', () => {
  let root: string;
  const open: FastifyInstance[] = [];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tfg-portal-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  });
  afterAll(async () => {
    await Promise.all(open.map((f) => f.close()));
    rmSync(root, { recursive: true, force: true });
  });

  async function server(dir: string | null) {
    const fastify = Fastify();
    await servePortal(fastify, dir);
    fastify.get('/api/ping', async () => ({ ok: true }));
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    open.push(fastify);
    return (url: string) => request(fastify.server).get(url).buffer(true);
  }

  it.each([
    ['/', 'text/html', 'no-cache', 'portal'],
    ['/calls/123?x=1', 'text/html', 'no-cache', 'portal'],
    ['/assets/app-abc123.js', 'javascript', 'public, max-age=31536000, immutable', 'console.log(1)'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache', '<svg/>'],
    ['/../../etc/passwd', 'text/html', 'no-cache', 'portal'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'text/html', 'no-cache', 'portal'],
  ])('GET %s answers %s with cache-control %s', async (url, type, cache, body) => {
    const res = await (await server(root))(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['cache-control']).toBe(cache);
    expect(String(res.text ?? res.body)).toContain(body);
  });

  it('leaves /api to the API, and its unknown routes to its own 404', async () => {
    const get = await server(root);
    expect((await get('/api/ping')).body).toEqual({ ok: true });
    const missing = await get('/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('portal');
  });

  it('says the portal is not built, at /, when there is no build, and still serves the API', async () => {
    const get = await server(null);
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('npm run build:portal');
    expect((await get('/calls')).status).toBe(404);
    expect((await get('/api/ping')).body).toEqual({ ok: true });
  });
});
