import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { RedisThrottlerStorage } from '../../apps/api/src/http/redis-throttler.storage';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from '../setup/test-env';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The general rate limit's counters in Redis (RedisThrottlerStorage), as two API processes share them:
 * below half a large limit a process counts on its own and sends its hits every 50 ms; from half the
 * limit on, and for small limits, every hit is counted in Redis first. Against the real Redis.
 */
describe('rate limit: hits sent in batches far from the limit, one by one near it', () => {
  let redis: Redis;
  const key = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
  const stored = async (address: string) => Number(await redis.get(`throttle:default:${address}`));

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: `${TEST_REDIS_PREFIX}:rate-batching:` });
  });
  afterAll(() => redis.quit());

  it('loses no hit: 300 hits counted here are all in Redis after the flush, and the answers count 1..300', async () => {
    const storage = new RedisThrottlerStorage(redis);
    const address = key();
    const totals: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const r = await storage.increment(address, 60_000, 1000, 0, 'default');
      expect(r.isBlocked).toBe(false);
      totals.push(r.totalHits);
    }
    expect(totals).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await stored(address)).toBeLessThan(300); // most were not sent yet...
    await storage.flush();
    expect(await stored(address)).toBe(300); // ...and now every one is
  });

  it('sends them on its own within 50 ms', async () => {
    const storage = new RedisThrottlerStorage(redis);
    const address = key();
    for (let i = 0; i < 20; i += 1) await storage.increment(address, 60_000, 1000, 0, 'default');
    await pause(150);
    expect(await stored(address)).toBe(20);
  });

  it('enforces a limit of 100 across two processes exactly once past half of it', async () => {
    const [a, b] = [new RedisThrottlerStorage(redis), new RedisThrottlerStorage(redis)];
    const address = key();
    const allowed: boolean[] = [];
    for (let i = 0; i < 160; i += 1) {
      const r = await (i % 2 ? b : a).increment(address, 60_000, 100, 0, 'default');
      allowed.push(!r.isBlocked);
      if (i % 10 === 9) await pause(60); // the processes' flushes run meanwhile
    }
    expect(allowed.filter(Boolean)).toHaveLength(100);
    expect(allowed.slice(0, 100).every(Boolean)).toBe(true);
    await Promise.all([a.flush(), b.flush()]);
    expect(await stored(address)).toBe(160);
  });

  it('counts every hit of a small limit in Redis first: the 7th of 6 is refused whichever process takes it', async () => {
    const [a, b] = [new RedisThrottlerStorage(redis), new RedisThrottlerStorage(redis)];
    const address = key();
    const answers = [];
    for (let i = 0; i < 7; i += 1)
      answers.push(await (i % 2 ? b : a).increment(address, 60_000, 6, 0, 'default'));
    expect(answers.map((r) => r.isBlocked)).toEqual([false, false, false, false, false, false, true]);
    expect(await stored(address)).toBe(7);
  });

  it('starts again when the window is over, without the last window’s count', async () => {
    const storage = new RedisThrottlerStorage(redis);
    const address = key();
    for (let i = 0; i < 30; i += 1) await storage.increment(address, 300, 1000, 0, 'default');
    await storage.flush();
    await pause(400);
    const next = await storage.increment(address, 300, 1000, 0, 'default');
    expect(next.totalHits).toBe(1);
    expect(await stored(address)).toBe(1);
  });
});
