import { Redis } from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage';

describe('RedisThrottlerStorage when Redis does not answer', () => {
  let redis: Redis;
  beforeAll(() => {
    // Nothing listens on port 1; with no offline queue every command fails at once, as in an outage.
    redis = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  });
  afterAll(() => redis.disconnect());

  it('keeps limiting in this process instead of failing the request or letting everything through', async () => {
    const storage = new RedisThrottlerStorage(redis);
    const hits = [];
    for (let i = 0; i < 4; i += 1) hits.push(await storage.increment('203.0.113.9', 60_000, 3, 0, 'default'));
    expect(hits.map((h) => h.isBlocked)).toEqual([false, false, false, true]);
    expect(hits[3].totalHits).toBe(4);
  });
});
