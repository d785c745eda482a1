import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/**
 * The built portal (apps/portal, `npm run build:portal`) served at `/`, brotli or gzip as built beside each
 * file (apps/portal/scripts/compress.mjs): hashed assets cached for a year,
 * everything else (index.html, favicon) revalidated on every load, and any GET outside /api that is not a
 * file answered with index.html so the portal's router takes it. /api stays the API's alone.
 *
 * Content-Security-Policy: no inline script anywhere but Swagger UI (/api/docs), whose page needs it.
 */
export const PORTAL_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine sets style attributes and one <style> of CSS variables; scripts stay 'self' only.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  // helmet's default would upgrade every request to https, which breaks plain-http deployments and tests;
  // TLS is the proxy's job (HSTS is sent).
  upgradeInsecureRequests: null,
};
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The project folder: the nearest parent of this file that holds package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where the built portal is (PORTAL_DIR, else dist/portal of the project), or null when it is not built. */
export function portalDir(): string | null {
  const dir = process.env.PORTAL_DIR || join(projectRoot(), 'dist', 'portal');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

function fileIn(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (!relative || relative.startsWith('..') || relative.includes(`${sep}..`) || relative.includes('\0'))
    return null;
  try {
    return statSync(join(root, relative)).isFile() ? relative : null;
  } catch {
    return null;
  }
}

const NOT_BUILT =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trust Fund Grants</title></head><body>' +
  '<h1>Trust Fund Grants</h1><p>The API is running, but the portal is not built: run ' +
  '<code>npm run build:portal</code> (or <code>npm start</code>) and reload.</p>' +
  '<p>API: <a href="/api/docs">/api/docs</a></p></body></html>';

export async function servePortal(
  fastify: FastifyInstance,
  root: string | null = portalDir(),
): Promise<void> {
  if (root) await fastify.register(fastifyStatic, { root, serve: false, index: false, preCompressed: true });
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path === '/api/docs' || path.startsWith('/api/docs/') || path.startsWith('/api/docs-')) {
      reply.raw.setHeader('content-security-policy', DOCS_CSP);
      return;
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(path)) return;
    if (!root) {
      return reply
        .code(path === '/' ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT);
    }
    const file = fileIn(root, path);
    if (file && file !== 'index.html') {
      reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : 'no-cache');
      return reply.sendFile(file, { cacheControl: false });
    }
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
  });
}
