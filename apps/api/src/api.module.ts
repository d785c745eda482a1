import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, CoreModule, REDIS } from '@app/core';
import { DonorsModule } from '@app/donors';
import { FundsModule } from '@app/funds';
import { GrantsModule } from '@app/grants';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { AuthGuard, IdentityModule } from '@app/identity';
import { PartnersModule } from '@app/partners';
import { OpenDataModule } from '@app/open-data';
import { ReportsModule } from '@app/reports';
import { ReviewsModule } from '@app/reviews';
import { BoardAccess, BoardCodesController } from './admin/board-access';
import { AuditController } from './audit/audit.controller';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { ClientThrottlerGuard } from './http/client-throttler.guard';
import { ProblemFilter } from './http/problem.filter';
import { RedisThrottlerStorage } from './http/redis-throttler.storage';
import { apiLogger } from './http/request-log';

/** The HTTP composition root: every bounded context's module, behind one guard chain and one filter. */
@Module({
  imports: [
    CoreModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // The request log is written by fastify's own hooks (see http/request-log.ts): no middleware here,
        // only the application logger, on the same pino instance as fastify's.
        pinoHttp: { logger: apiLogger(config.logLevel) },
        forRoutes: [],
      }),
    }),
    // The general per-address limit (RATE_LIMIT_PER_MINUTE), counted in Redis in fixed windows, so every API
    // process enforces one limit (RedisThrottlerStorage; in memory while Redis is away). Failed sign-ins have
    // their own Redis counters (LoginAttempts).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
    TerminusModule,
    IdentityModule,
    FundsModule,
    DonorsModule,
    CallsModule,
    ApplicationsModule,
    ReviewsModule,
    GrantsModule,
    ReportsModule,
    PartnersModule,
    OpenDataModule,
    MetricsModule,
  ],
  controllers: [HealthController, AuditController, BoardCodesController],
  providers: [
    BoardAccess,
    { provide: APP_GUARD, useClass: ClientThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
