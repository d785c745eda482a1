import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, CoreModule, OutboxRelay, redactingStdout } from '@app/core';
import { FundsJobsModule } from '@app/funds';
import { GrantsJobsModule } from '@app/grants';
import { ApplicationsJobsModule } from '@app/applications';
import { CallsJobsModule } from '@app/calls';
import { DonorsJobsModule } from '@app/donors';
import { IdentityJobsModule } from '@app/identity';
import { OpenDataJobsModule } from '@app/open-data';
import { ReviewsJobsModule } from '@app/reviews';
import { PartnersJobsModule } from '@app/partners';
import { HousekeepingProcessor } from './housekeeping.processor';
import { JobHandlerCheck } from './job-handler.check';
import { JobSchedulers } from './job-schedulers';

/** The worker: every context's *JobsModule, the outbox relay, and the startup check of job handlers. */
@Module({
  imports: [
    DiscoveryModule,
    CoreModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [{ level: config.logLevel, customProps: () => ({ service: 'worker' }) }, redactingStdout],
      }),
    }),
    IdentityJobsModule,
    FundsJobsModule,
    CallsJobsModule,
    ApplicationsJobsModule,
    ReviewsJobsModule,
    GrantsJobsModule,
    DonorsJobsModule,
    PartnersJobsModule,
    OpenDataJobsModule,
  ],
  providers: [OutboxRelay, JobHandlerCheck, JobSchedulers, HousekeepingProcessor],
  exports: [OutboxRelay, JobSchedulers],
})
export class WorkerModule {}
