import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS } from '@app/core';
import type { AppConfig } from '@app/core';
import { TooManyRegistrations } from '../accounts/accounts.errors';

const WINDOW_SECONDS = 3600;
/** Registrations naming one e-mail address per hour (a new one, or the same one retried). */
export const REGISTRATIONS_PER_EMAIL = 3;

/**
 * NGO self-registrations per client address (REGISTRATIONS_PER_HOUR) and per e-mail address, counted in
 * Redis under REDIS_PREFIX, so every API process enforces one limit. Attempts for existing and new
 * addresses count alike (the limit reveals nothing). Fails open, and logs, when Redis is away.
 */
@Injectable()
export class RegistrationLimiter {
  private readonly logger = new Logger(RegistrationLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async take(address: string, email: string): Promise<void> {
    const byAddress = `register:address:${address}`;
    const byEmail = `register:email:${email.trim().toLowerCase()}`;
    let counts: number[];
    try {
      const result = await this.redis
        .multi()
        .incr(byAddress)
        .expire(byAddress, WINDOW_SECONDS, 'NX')
        .incr(byEmail)
        .expire(byEmail, WINDOW_SECONDS, 'NX')
        .exec();
      counts = [Number(result?.[0]?.[1] ?? 0), Number(result?.[2]?.[1] ?? 0)];
    } catch (error) {
      this.logger.warn(`registration limiter unavailable, failing open: ${(error as Error).message}`);
      return;
    }
    if (counts[0] > this.config.registrationsPerHour || counts[1] > REGISTRATIONS_PER_EMAIL)
      throw new TooManyRegistrations();
  }
}
