import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  let now = 1_000_000;
  const storage = () => new FixedWindowThrottlerStorage(() => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets `limit` requests through in a window and blocks the next one', async () => {
    const s = storage();
    for (let i = 1; i <= 3; i++) {
      const r = await s.increment('1.2.3.4', 60_000, 3, 0, 'default');
      expect(r).toMatchObject({ totalHits: i, isBlocked: false, timeToExpire: 60 });
    }
    const blocked = await s.increment('1.2.3.4', 60_000, 3, 0, 'default');
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
  });

  it('counts each address and each throttler apart', async () => {
    const s = storage();
    await s.increment('a', 60_000, 1, 0, 'default');
    expect((await s.increment('b', 60_000, 1, 0, 'default')).isBlocked).toBe(false);
    expect((await s.increment('a', 60_000, 1, 0, 'other')).isBlocked).toBe(false);
    expect((await s.increment('a', 60_000, 1, 0, 'default')).isBlocked).toBe(true);
  });

  it('opens a new window after the ttl and after the block duration', async () => {
    const s = storage();
    await s.increment('a', 60_000, 1, 0, 'default');
    expect((await s.increment('a', 60_000, 1, 0, 'default')).isBlocked).toBe(true);
    now += 30_000;
    expect((await s.increment('a', 60_000, 1, 0, 'default')).isBlocked).toBe(true);
    now += 30_001;
    expect(await s.increment('a', 60_000, 1, 0, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('forgets addresses whose window ended', async () => {
    const s = storage();
    await s.increment('a', 60_000, 5, 0, 'default');
    await s.increment('b', 60_000, 5, 0, 'default');
    expect(s.size).toBe(2);
    now += 120_000;
    await s.increment('c', 60_000, 5, 0, 'default');
    expect(s.size).toBe(1);
  });

  it('stays cheap at a high request rate from one address', async () => {
    const s = storage();
    const started = performance.now();
    for (let i = 0; i < 200_000; i++) await s.increment('proxy', 60_000, 1_000_000, 0, 'default');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
