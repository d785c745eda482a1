import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { clientAddressKey } from '@app/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

/** The name of the API's one throttler (the default of ThrottlerModule's single entry in ApiModule). */
const GUARD_THROTTLER = 'default';

/** How long a shared cache or a browser may keep a public answer before asking again (with its ETag). */
export const PUBLIC_MAX_AGE_SECONDS = 300;
/** The channel the migration's triggers notify (migrations/1764323100000-PublicCacheNotify.ts). */
export const PUBLIC_CACHE_CHANNEL = 'public_cache';
const MAX_ENTRIES = 512;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const RECONNECT_MS = 1000;

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

interface Entry {
  body: string | Buffer;
  etag: string;
  cacheControl: string;
  contentType: string | undefined;
  contentDisposition: string | undefined;
  /** When it was kept (Date.now()): with a read replica, an answer is served for REPLICA_ENTRY_MS at most. */
  keptAt: number;
}

/**
 * With DATABASE_READ_URL some public answers are read from a replica, which may not yet have replayed the
 * change whose NOTIFY dropped the cache: an answer kept then would be stale until the next change. So with
 * a replica an answer is kept a few seconds only; without one it stands until its version changes.
 */
export const REPLICA_ENTRY_MS = 5_000;

/**
 * Writes this process made that cannot change a public answer (draft saves, uploads, sign-ins): they do
 * not drop the cache here. Every other successful write does, at once, so a caller reads its own change
 * even before PostgreSQL's notification arrives.
 */
const PRIVATE_WRITES = /^\/api\/(auth|me|applications\/:id(\/(attachments|uploads|submit|withdraw).*)?$)/;

/**
 * The public reads' versioned cache (ADR 0014). Each API process keeps the serialized answers of the public
 * routes in memory, keyed by URL and valid for one version of the public data. The version moves when
 * PostgreSQL notifies `public_cache` (a trigger on every table a public route reads; the notification is
 * sent when the writing transaction commits, to every listening process) or when this process completes a
 * write that may touch public data. An answer computed while the version moved is not kept. While the
 * LISTEN connection is down (a restart of PostgreSQL, a failover) nothing is served from memory: every
 * read goes through the routes as before, and the cache starts empty once the connection is back.
 */
export class PublicCache {
  private version = 0;
  private listening = false;
  private stopped = false;
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly entries = new Map<string, Entry>();
  private readonly started = new WeakMap<FastifyRequest, number>();
  private readonly hits = new WeakSet<FastifyRequest>();
  constructor(
    private readonly databaseUrl: string,
    private readonly rateLimitPerMinute: number,
    private readonly log: Logger,
    /** How long an answer may be served from memory (ms); Infinity: until its version changes. */
    private readonly entryMs = Number.POSITIVE_INFINITY,
    /**
     * The general per-address limit is checked by the Nest guard in Redis; cached answers skip Nest, so they
     * are counted here, on the guard's own counter (the same key in the same storage: one count across
     * every API process); past it the request takes the normal path, where the guard answers 429.
     */
    private readonly limiter: ThrottlerStorage = new FixedWindowThrottlerStorage(),
  ) {}

  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.listening = false;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  invalidate(): void {
    this.version += 1;
    this.entries.clear();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'tfg-public-cache' });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      this.invalidate();
      if (this.stopped) return;
      this.log.warn(
        { err: error },
        'public cache: LISTEN connection lost; serving uncached until it is back',
      );
      client.end().catch(() => undefined);
      this.timer = setTimeout(() => void this.connect(), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.invalidate());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_CACHE_CHANNEL}`);
      if (this.client !== client) return;
      this.invalidate();
      this.listening = true;
    } catch (error) {
      lost(error as Error);
    }
  }

  /** onRequest: answers a public read from memory when this version's answer is there. */
  async serve(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!this.listening || request.method !== 'GET' || !isPublicRead(request)) return undefined;
    let entry = this.entries.get(request.url);
    if (entry && Date.now() - entry.keptAt > this.entryMs) {
      this.entries.delete(request.url);
      entry = undefined;
    }
    if (!entry) {
      this.started.set(request, this.version);
      return undefined;
    }
    const hit = await this.limiter.increment(
      `${GUARD_THROTTLER}:${clientAddressKey(request.ip)}`, // ClientThrottlerGuard.generateKey's key
      60_000,
      this.rateLimitPerMinute,
      60_000,
      GUARD_THROTTLER,
    );
    if (hit.isBlocked) return undefined;
    this.hits.add(request);
    reply.header('etag', entry.etag);
    reply.header('cache-control', entry.cacheControl);
    reply.header('vary', 'Accept-Encoding');
    if (matches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
    if (entry.contentType) reply.header('content-type', entry.contentType);
    if (entry.contentDisposition) reply.header('content-disposition', entry.contentDisposition);
    return reply.send(entry.body);
  }

  /** onSend: ETag, Cache-Control and 304 for every public answer; keeps it when its version still holds. */
  tag(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    if (this.hits.has(request)) return payload;
    if (reply.statusCode !== 200 || !isPublicRead(request)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    // /api/public/* may be kept a few minutes; the portal's own anonymous reads of calls are revalidated
    // every time (a 304 costs little), so a call just opened shows at once.
    const fresh = request.url.startsWith('/api/public/') ? `max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'no-cache';
    const cacheControl = `public, ${fresh}`;
    reply.header('etag', etag);
    reply.header('cache-control', cacheControl);
    reply.header('vary', 'Accept-Encoding');
    const startedAt = this.started.get(request);
    if (startedAt === this.version && this.listening && payload.length <= MAX_BODY_BYTES) {
      if (this.entries.size >= MAX_ENTRIES) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      const header = (name: string) => {
        const v = reply.getHeader(name);
        return v === undefined ? undefined : String(v);
      };
      this.entries.set(request.url, {
        body: payload,
        etag,
        cacheControl,
        contentType: header('content-type'),
        contentDisposition: header('content-disposition'),
        keptAt: Date.now(),
      });
    }
    if (matches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  }

  /** onResponse: a successful write of this process that may touch public data drops the cache at once. */
  written(request: FastifyRequest, reply: FastifyReply): void {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    if (reply.statusCode >= 400) return;
    if (PRIVATE_WRITES.test(request.routeOptions.url ?? '')) return;
    this.invalidate();
  }
}

const caches = new WeakMap<FastifyInstance, PublicCache>();

/** The cache of an API's fastify instance (for its tests and metrics). */
export function publicCacheOf(fastify: FastifyInstance): PublicCache | undefined {
  return caches.get(fastify);
}

/**
 * Every successful public read gets `ETag` and `Cache-Control`, and a request whose `If-None-Match` names
 * the current tag gets `304 Not Modified` with no body (RFC 9110 13.1.2): fastify hooks for all public
 * routes, so none can forget it. The tag hashes the answer itself, so it changes exactly when the bytes
 * do, and every process gives the same tag (the IATI files and feeds are deterministic for that reason).
 * Answers are served from the versioned cache above; errors and streams are left alone (never cached).
 */
export function publicCache(
  fastify: FastifyInstance,
  options: {
    databaseUrl: string;
    rateLimitPerMinute: number;
    log: Logger;
    readReplica?: boolean;
    /** The rate-limit counters the guard uses (RedisThrottlerStorage in the API). */
    limiter?: ThrottlerStorage;
  },
): PublicCache {
  // started by the caller (bootstrap.ts): it connects in the background and serves uncached until LISTEN
  const cache = new PublicCache(
    options.databaseUrl,
    options.rateLimitPerMinute,
    options.log,
    options.readReplica ? REPLICA_ENTRY_MS : Number.POSITIVE_INFINITY,
    options.limiter,
  );
  fastify.addHook('onRequest', (request, reply) => cache.serve(request, reply));
  fastify.addHook('onSend', async (request, reply, payload) => cache.tag(request, reply, payload));
  fastify.addHook('onResponse', (request, reply, done) => {
    cache.written(request, reply);
    done();
  });
  fastify.addHook('onClose', () => cache.stop());
  caches.set(fastify, cache);
  return cache;
}
