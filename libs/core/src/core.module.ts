import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { Clock } from './clock/clock';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DueDiligenceGate } from './due-diligence/due-diligence.port';
import { HousekeepingRepository } from './housekeeping/housekeeping.repository';
import { HousekeepingService } from './housekeeping/housekeeping.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './queue/redis.module';

/** What every process needs: config, database, Redis, queues, clock, audit, outbox, idempotency. */
@Global()
@Module({
  imports: [AppConfigModule, DatabaseModule, RedisModule, QueueModule],
  providers: [
    Clock,
    AuditService,
    AuditRepository,
    OutboxService,
    OutboxRepository,
    IdempotencyService,
    IdempotencyRepository,
    IdempotencyInterceptor,
    HousekeepingRepository,
    HousekeepingService,
    DueDiligenceGate,
  ],
  exports: [
    AppConfigModule,
    RedisModule,
    QueueModule,
    Clock,
    AuditService,
    OutboxService,
    OutboxRepository,
    IdempotencyService,
    IdempotencyInterceptor,
    HousekeepingService,
    DueDiligenceGate,
  ],
})
export class CoreModule {}
