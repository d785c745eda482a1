import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
type HitCommand = (key: string, ttlMs: number, hits: number) => Promise<[number, number]>;

/**
 * One round trip: add this process's hits, start the window on the first ones, and say how long the
 * window has left. Sent by its SHA1 (EVALSHA, with the script itself again when Redis answers NOSCRIPT:
 * ioredis's defineCommand), not as the whole text on every request.
 */
const HIT_COMMAND = 'tfgThrottleHits';
const HIT = `
local hits = redis.call('INCRBY', KEYS[1], ARGV[2])
if hits == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { hits, ttl }`;

/** Hits are sent in batches only below half the limit, and only for limits of at least this many. */
const BATCHED_FROM_LIMIT = 100;
/** How often a process sends the hits it has counted on its own. */
const FLUSH_MS = 50;
/** Past this many windows known, the ones that are over are forgotten before a new one is added. */
const SWEEP_FROM = 10_000;

/** A window as this process knows it: the count Redis last gave, and the hits it has not sent yet. */
interface Known {
  hits: number;
  endsAt: number;
  /** Counted here, not sent yet. */
  pending: number;
  /** Sent, Redis's answer not back yet. */
  sending: number;
  ttl: number;
}

const counted = (k: Known): number => k.hits + k.sending + k.pending;

/**
 * The per-address limit counted in Redis (under REDIS_PREFIX), so every API process enforces one limit:
 * a fixed window per (throttler, address). A fixed window lets through at most twice the limit across a
 * window boundary, which is fine for a coarse abuse limit.
 *
 * Far from the limit, a request does not wait for Redis: while an address has used less than half of a
 * limit of 100 or more (as Redis last counted it, plus this process's hits since), its hit is counted
 * here and sent with the others every 50 ms, in one pipeline (the rate-limit round trip was 13% of the
 * API's CPU in issue 20's deadline rush benchmark). From half the limit on, and for small limits, every
 * hit is counted in Redis before the request goes on, so the limit is enforced across processes as
 * before; what batching can add is at most what one process serves in 50 ms, once, at the half-way mark.
 *
 * When Redis does not answer, requests must not stop: this process counts on its own in memory
 * (FixedWindowThrottlerStorage) until Redis is back, and logs it once per outage.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly fallback = new FixedWindowThrottlerStorage();
  private readonly known = new Map<string, Known>();
  private flushing: NodeJS.Timeout | null = null;
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly now: () => number = Date.now,
  ) {
    if (!(HIT_COMMAND in redis)) redis.defineCommand(HIT_COMMAND, { numberOfKeys: 1, lua: HIT });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<StorageRecord> {
    const redisKey = `throttle:${throttlerName}:${key}`;
    const now = this.now();
    let known = this.known.get(redisKey);
    if (known && now >= known.endsAt) {
      this.known.delete(redisKey); // the window is over: its unsent hits went with it
      known = undefined;
    }
    if (known && !this.degraded && limit >= BATCHED_FROM_LIMIT && (counted(known) + 1) * 2 <= limit) {
      known.pending += 1;
      this.flushSoon();
      return record(counted(known), known.endsAt - now, limit);
    }
    const sent = (known?.pending ?? 0) + 1;
    if (known) {
      known.pending = 0;
      known.sending += sent;
    }
    let answer: [number, number];
    try {
      answer = await this.hits(redisKey, ttl, sent);
      this.back();
    } catch (error) {
      this.lost(error);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    } finally {
      if (known) known.sending -= sent;
    }
    if (limit < BATCHED_FROM_LIMIT) return record(Number(answer[0]), Number(answer[1]), limit);
    const current = this.learn(redisKey, ttl, answer, now);
    return record(counted(current), current.endsAt - now, limit);
  }

  /** Sends the hits counted here now, in one pipeline (the timer calls it 50 ms after a hit is counted). */
  async flush(): Promise<void> {
    if (this.flushing) clearTimeout(this.flushing);
    this.flushing = null;
    const now = this.now();
    const batch: [string, Known, number][] = [];
    this.sweep(now);
    for (const [redisKey, known] of this.known) {
      if (known.pending > 0) {
        batch.push([redisKey, known, known.pending]);
        known.sending += known.pending;
        known.pending = 0;
      }
    }
    if (!batch.length) return;
    const pipeline = this.redis.pipeline();
    const command = (pipeline as unknown as Record<string, (...args: unknown[]) => unknown>)[HIT_COMMAND];
    for (const [redisKey, known, sent] of batch) command.call(pipeline, redisKey, known.ttl, sent);
    try {
      const replies = await pipeline.exec().finally(() => {
        for (const [, known, sent] of batch) known.sending -= sent;
      });
      for (const [i, [redisKey, known]] of batch.entries()) {
        const [error, answer] = replies?.[i] ?? [new Error('no reply')];
        if (error) throw error;
        this.learn(redisKey, known.ttl, answer as [number, number], now);
      }
      this.back();
    } catch (error) {
      this.lost(error); // those hits are not counted again: the limit is a coarse one
    }
  }

  private flushSoon(): void {
    if (this.flushing) return;
    this.flushing = setTimeout(() => void this.flush(), FLUSH_MS);
    this.flushing.unref();
  }

  private hits(redisKey: string, ttl: number, hits: number): Promise<[number, number]> {
    const command = (this.redis as unknown as Record<string, HitCommand>)[HIT_COMMAND];
    return command.call(this.redis, redisKey, ttl, hits);
  }

  /** Redis's count and time left for the window; hits counted here meanwhile stay pending. */
  private learn(redisKey: string, ttl: number, [hits, msLeft]: [number, number], now: number): Known {
    const endsAt = now + Math.max(Number(msLeft), 0);
    const known = this.known.get(redisKey);
    if (known) {
      known.hits = Number(hits); // Redis's count is the whole count: it has every hit sent so far
      known.endsAt = endsAt;
      return known;
    }
    if (this.known.size >= SWEEP_FROM) this.sweep(now);
    const fresh = { hits: Number(hits), endsAt, pending: 0, sending: 0, ttl };
    this.known.set(redisKey, fresh);
    return fresh;
  }

  /** Forgets the windows that are over (their unsent hits with them). */
  private sweep(now: number): void {
    for (const [redisKey, known] of this.known) if (now >= known.endsAt) this.known.delete(redisKey);
  }

  private back(): void {
    if (this.degraded) this.logger.log('rate limits are counted in Redis again');
    this.degraded = false;
  }

  private lost(error: unknown): void {
    if (!this.degraded) {
      this.logger.warn(
        `Redis unavailable, counting rate limits in this process: ${(error as Error).message}`,
      );
    }
    this.degraded = true;
  }
}

function record(hits: number, msLeft: number, limit: number): StorageRecord {
  const secondsLeft = Math.max(Math.ceil(msLeft / 1000), 0);
  const isBlocked = hits > limit;
  return {
    totalHits: hits,
    timeToExpire: secondsLeft,
    isBlocked,
    timeToBlockExpire: isBlocked ? secondsLeft : 0,
  };
}
