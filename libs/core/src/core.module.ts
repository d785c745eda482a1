import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogEntry } from './audit/audit-log.entity';
import { AuditService } from './audit/audit.service';
import { Clock } from './clock/clock';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HousekeepingRepository } from './housekeeping/housekeeping.repository';
import { HousekeepingService } from './housekeeping/housekeeping.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyService } from './idempotency/idempotency.service';
import { OutboxMessage } from './outbox/outbox.entity';
import { OutboxService } from './outbox/outbox.service';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './queue/redis.module';

/** What every process needs: config, database, Redis, queues, clock, audit, outbox, idempotency. */
@Global()
@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    TypeOrmModule.forFeature([AuditLogEntry, OutboxMessage]),
  ],
  providers: [
    Clock,
    AuditService,
    OutboxService,
    IdempotencyService,
    IdempotencyInterceptor,
    HousekeepingRepository,
    HousekeepingService,
  ],
  exports: [
    AppConfigModule,
    RedisModule,
    QueueModule,
    Clock,
    AuditService,
    OutboxService,
    IdempotencyService,
    IdempotencyInterceptor,
    HousekeepingService,
  ],
})
export class CoreModule {}
