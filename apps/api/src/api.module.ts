import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, CoreModule } from '@app/core';
import { DonorsModule } from '@app/donors';
import { FundsModule } from '@app/funds';
import { GrantsModule } from '@app/grants';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { AuthGuard, IdentityModule } from '@app/identity';
import { ReportsModule } from '@app/reports';
import { ReviewsModule } from '@app/reviews';
import { BoardAccess, BoardCodesController } from './admin/board-access';
import { AuditController } from './audit/audit.controller';
import { HealthController } from './health/health.controller';
import { FixedWindowThrottlerStorage } from './http/fixed-window-throttler.storage';
import { ProblemFilter } from './http/problem.filter';
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
    // The general per-address limit (RATE_LIMIT_PER_MINUTE), counted in each API process in fixed windows
    // (O(1) a request; see FixedWindowThrottlerStorage). Failed logins are counted in Redis across processes
    // (LoginAttempts).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
        storage: new FixedWindowThrottlerStorage(),
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
  ],
  controllers: [HealthController, AuditController, BoardCodesController],
  providers: [
    BoardAccess,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
