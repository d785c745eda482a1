import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePortal } from './portal';

describe('serving the portal', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tfg-portal-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function app(dir: string | null) {
    const fastify = Fastify();
    await servePortal(fastify, dir);
    fastify.get('/api/ping', async () => ({ ok: true }));
    return fastify;
  }

  it.each([
    ['/', 'text/html', 'no-cache', 'portal'],
    ['/calls/123?x=1', 'text/html', 'no-cache', 'portal'],
    ['/assets/app-abc123.js', 'javascript', 'public, max-age=31536000, immutable', 'console.log(1)'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache', '<svg/>'],
    ['/../../etc/passwd', 'text/html', 'no-cache', 'portal'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'text/html', 'no-cache', 'portal'],
  ])('GET %s answers %s with cache-control %s', async (url, type, cache, body) => {
    const fastify = await app(root);
    const res = await fastify.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['cache-control']).toBe(cache);
    expect(res.body).toContain(body);
    await fastify.close();
  });

  it('leaves /api to the API, and its unknown routes to its own 404', async () => {
    const fastify = await app(root);
    expect((await fastify.inject({ method: 'GET', url: '/api/ping' })).json()).toEqual({ ok: true });
    const missing = await fastify.inject({ method: 'GET', url: '/api/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('portal');
    await fastify.close();
  });

  it('says the portal is not built, at /, when there is no build, and still serves the API', async () => {
    const fastify = await app(null);
    const home = await fastify.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('npm run build:portal');
    expect((await fastify.inject({ method: 'GET', url: '/calls' })).statusCode).toBe(404);
    expect((await fastify.inject({ method: 'GET', url: '/api/ping' })).json()).toEqual({ ok: true });
    await fastify.close();
  });
});
