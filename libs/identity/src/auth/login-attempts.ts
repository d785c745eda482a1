import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DomainError, REDIS } from '@app/core';

export const MAX_FAILED_LOGINS = 5;
const WINDOW_SECONDS = 60;

export class TooManyLogins extends DomainError {
  constructor() {
    super(
      'too_many',
      'AUTH.TOO_MANY_LOGINS',
      'too-many-logins',
      'Too many failed logins for this email; try again in a minute',
    );
  }
}

/**
 * Failed logins per email in Redis, shared by every API process. An attempt takes a slot before the
 * password is checked (INCR first), so concurrent guesses cannot slip past the limit; a success gives
 * its slot back. If Redis is away the limiter fails open and says so in the log: logins must not stop.
 */
@Injectable()
export class LoginAttempts {
  private readonly logger = new Logger(LoginAttempts.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private key(email: string): string {
    return `login-failures:${email.toLowerCase()}`;
  }

  /** Takes a slot; throws 429 once the email has used up its failures for the minute. */
  async take(email: string): Promise<void> {
    let count: number;
    try {
      const result = await this.redis
        .multi()
        .incr(this.key(email))
        .expire(this.key(email), WINDOW_SECONDS, 'NX')
        .exec();
      count = Number(result?.[0]?.[1] ?? 0);
    } catch (error) {
      this.logger.warn(`login limiter unavailable, failing open: ${(error as Error).message}`);
      return;
    }
    if (count > MAX_FAILED_LOGINS) throw new TooManyLogins();
  }

  /** The attempt succeeded: it does not count as a failure. */
  async giveBack(email: string): Promise<void> {
    try {
      await this.redis.decr(this.key(email));
    } catch {
      // failing open, as above
    }
  }
}
