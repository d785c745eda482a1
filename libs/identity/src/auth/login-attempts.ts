import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DomainError, REDIS } from '@app/core';

/** Failed sign-ins allowed per (e-mail, client address) pair in a minute (docs/api.md: 5 a minute). */
export const MAX_FAILED_LOGINS = 5;
const PAIR_WINDOW_SECONDS = 60;
/**
 * Failed sign-ins allowed per e-mail from all addresses together, looser and longer, so guessing from
 * elsewhere is slowed without locking the owner out at once.
 */
export const MAX_FAILED_LOGINS_PER_EMAIL = 30;
const EMAIL_WINDOW_SECONDS = 15 * 60;

export class TooManyLogins extends DomainError {
  static readonly code = 'AUTH.TOO_MANY_LOGINS';
  constructor() {
    // One answer whichever limit was reached: it must not tell an attacker which one.
    super('too_many', TooManyLogins.code, 'too-many-logins', 'Too many failed sign-ins; try again later');
  }
}

/**
 * Failed sign-ins in Redis, shared by every API process: per (e-mail, address) pair and, more loosely, per
 * e-mail. An attempt takes a slot in both before the password is checked (INCR first), so concurrent
 * guesses cannot slip past the limit; a success gives its slots back. If Redis is away the limiter fails
 * open and says so in the log: sign-in must not stop.
 */
@Injectable()
export class LoginAttempts {
  private readonly logger = new Logger(LoginAttempts.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private keys(email: string, address: string): [string, string] {
    const e = email.toLowerCase();
    return [`login-failures:pair:${e}:${address}`, `login-failures:email:${e}`];
  }

  /** Takes a slot; throws 429 once the pair or the e-mail has used up its failures. */
  async take(email: string, address: string): Promise<void> {
    const [pair, perEmail] = this.keys(email, address);
    let counts: number[];
    try {
      const result = await this.redis
        .multi()
        .incr(pair)
        .expire(pair, PAIR_WINDOW_SECONDS, 'NX')
        .incr(perEmail)
        .expire(perEmail, EMAIL_WINDOW_SECONDS, 'NX')
        .exec();
      counts = [Number(result?.[0]?.[1] ?? 0), Number(result?.[2]?.[1] ?? 0)];
    } catch (error) {
      this.logger.warn(`login limiter unavailable, failing open: ${(error as Error).message}`);
      return;
    }
    if (counts[0] > MAX_FAILED_LOGINS || counts[1] > MAX_FAILED_LOGINS_PER_EMAIL) throw new TooManyLogins();
  }

  /** The attempt succeeded: it does not count as a failure. */
  async giveBack(email: string, address: string): Promise<void> {
    const [pair, perEmail] = this.keys(email, address);
    try {
      await this.redis.multi().decr(pair).decr(perEmail).exec();
    } catch {
      // failing open, as above
    }
  }
}
