import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  windowEnd: number;
  blockEnd: number;
}

interface StorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * The per-address limit as a fixed-window counter: O(1) per request and one small object per address.
 *
 * @nestjs/throttler's default in-memory storage keeps one timestamp per request for the whole window and, on
 * every request, filters that list and spreads it into Math.min: its cost grows with the address's request
 * rate (a proxy or a NAT is one address). Under a benchmark from one address it was the largest item of the
 * API's CPU profile on GET /api/calls and made throughput fall run after run (bench/RESULTS.md); past about
 * 100,000 requests a minute Math.min(...hits) would overflow the stack. A fixed window lets through at most
 * twice the limit across a window boundary, which is fine for a coarse abuse limit (failed logins have their
 * own limiter in Redis).
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<StorageRecord> {
    const now = this.now();
    this.sweep(now, ttl);
    const id = `${throttlerName}\u0000${key}`;
    let w = this.windows.get(id);
    if (!w) {
      w = { hits: 0, windowEnd: now + ttl, blockEnd: 0 };
      this.windows.set(id, w);
    }
    if (w.blockEnd > now) return this.record(w, now, true);
    if (w.windowEnd <= now) {
      w.hits = 0;
      w.windowEnd = now + ttl;
    }
    w.hits += 1;
    if (w.hits > limit) {
      w.blockEnd = now + (blockDuration > 0 ? blockDuration : ttl);
      return this.record(w, now, true);
    }
    return this.record(w, now, false);
  }

  private record(w: Window, now: number, isBlocked: boolean): StorageRecord {
    return {
      totalHits: w.hits,
      timeToExpire: Math.max(Math.ceil((w.windowEnd - now) / 1000), 0),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.max(Math.ceil((w.blockEnd - now) / 1000), 0) : 0,
    };
  }

  /** Drops windows that ended (and blocks that expired), at most once per ttl: no timer to clean up. */
  private sweep(now: number, ttl: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + ttl;
    for (const [id, w] of this.windows) if (w.windowEnd <= now && w.blockEnd <= now) this.windows.delete(id);
  }

  /** Addresses currently tracked (for tests). */
  get size(): number {
    return this.windows.size;
  }
}
