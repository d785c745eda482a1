import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** How long a shared cache or a browser may keep a public answer before asking again (with its ETag). */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/** The public reads: /api/public/*, and the calls' list and pages when read without sign-in. */
export function isPublicRead(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  if (path.startsWith('/api/public/')) return true;
  return /^\/api\/calls(\/[^/]+)?$/.test(path) && !request.headers.authorization;
}

/** A strong ETag of the body's bytes: the same answer always has the same tag, whichever process sent it. */
export function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Every successful public read gets `ETag` and `Cache-Control`, and a request whose `If-None-Match` names
 * the current tag gets `304 Not Modified` with no body (RFC 9110 13.1.2): one fastify hook for all public
 * routes, so none can forget it. The tag hashes the answer itself, so it changes exactly when the bytes
 * do (the IATI files and feeds are deterministic for that reason). Errors and streams are left alone.
 */
export function publicCache(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode !== 200 || !isPublicRead(request)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    // /api/public/* may be kept a few minutes; the portal's own anonymous reads of calls are revalidated
    // every time (a 304 costs little), so a call just opened shows at once.
    const fresh = request.url.startsWith('/api/public/') ? `max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'no-cache';
    reply.header('cache-control', `public, ${fresh}`);
    reply.header('vary', 'Accept-Encoding');
    if (matches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
