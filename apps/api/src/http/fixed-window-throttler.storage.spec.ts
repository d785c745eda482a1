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

  // Its speed is measured in bench/ (GET /api/calls), never timed here: what keeps it cheap is that one
  // address is one counter, whatever its rate (the throttler's per-hit log overflowed past ~100,000 hits).
  it('keeps one counter per address at a high request rate, with no per-hit state', async () => {
    const s = storage();
    let last = await s.increment('proxy', 60_000, 1_000_000, 0, 'default');
    for (let i = 1; i < 200_000; i++) last = await s.increment('proxy', 60_000, 1_000_000, 0, 'default');
    expect(last).toMatchObject({ totalHits: 200_000, isBlocked: false });
    expect(s.size).toBe(1);
  });
});
