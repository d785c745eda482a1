import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
type HitCommand = (key: string, ttlMs: number) => Promise<[number, number]>;

/**
 * One round trip: count the hit, start the window on the first one, and say how long the window has left.
 * Sent by its SHA1 (EVALSHA, with the script itself again when Redis answers NOSCRIPT: ioredis's
 * defineCommand), not as the whole text on every request.
 */
const HIT_COMMAND = 'tfgThrottleHit';
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { hits, ttl }`;

/**
 * The per-address limit counted in Redis (under REDIS_PREFIX), so every API process enforces one limit:
 * a fixed window per (throttler, address), one INCR script a request. A fixed window lets through at most
 * twice the limit across a window boundary, which is fine for a coarse abuse limit.
 *
 * When Redis does not answer, requests must not stop: this process counts on its own in memory
 * (FixedWindowThrottlerStorage) until Redis is back, and logs it once per outage.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly fallback = new FixedWindowThrottlerStorage();
  private degraded = false;

  constructor(private readonly redis: Redis) {
    if (!(HIT_COMMAND in redis)) redis.defineCommand(HIT_COMMAND, { numberOfKeys: 1, lua: HIT });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<StorageRecord> {
    let hits: number;
    let msLeft: number;
    try {
      const hit = (this.redis as unknown as Record<string, HitCommand>)[HIT_COMMAND];
      const [h, t] = await hit.call(this.redis, `throttle:${throttlerName}:${key}`, ttl);
      hits = Number(h);
      msLeft = Number(t);
      if (this.degraded) this.logger.log('rate limits are counted in Redis again');
      this.degraded = false;
    } catch (error) {
      if (!this.degraded) {
        this.logger.warn(
          `Redis unavailable, counting rate limits in this process: ${(error as Error).message}`,
        );
      }
      this.degraded = true;
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const secondsLeft = Math.max(Math.ceil(msLeft / 1000), 0);
    const isBlocked = hits > limit;
    return {
      totalHits: hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }
}
