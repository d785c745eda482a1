import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisOptions } from './redis-options';

/**
 * A Redis client for request-time counters (login failures). It never queues commands while Redis is
 * away: callers get an error at once and decide (the login limiter fails open and logs).
 */
export const REDIS = Symbol('REDIS');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(
          redisOptions(config.redisUrl, {
            keyPrefix: `${config.redisPrefix}:`,
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            connectTimeout: 2000,
            retryStrategy: (times) => Math.min(times * 200, 2000),
          }),
        ),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
