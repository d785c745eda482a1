import { Injectable } from '@nestjs/common';

/**
 * The one place that reads the time. Tests and the history replay (demo seed) swap it for a fixed or
 * moving clock, so every rule that depends on "now" (deadlines, effective dates) can be replayed.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date(Date.now() + this.offsetMs);
  }

  /** Freezes the clock at `at` (tests, replay). */
  setNow(at: Date): void {
    this.fixed = new Date(at.getTime());
  }

  /** Lets the clock run again, shifted so that it reads `at` now (or the real time when omitted). */
  reset(at?: Date): void {
    this.fixed = null;
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }
}
