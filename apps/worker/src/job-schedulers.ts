import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { queueOf, SCHEDULES } from '@app/core';

/**
 * The scheduled tasks as BullMQ job schedulers. `upsertJobScheduler` is keyed by the scheduler id and
 * runs as one Redis script, so any number of workers starting at once leave exactly one entry per task.
 * main.ts upserts them at every start (the test harness does not, so other tests see no scheduled jobs).
 */
@Injectable()
export class JobSchedulers {
  private readonly logger = new Logger(JobSchedulers.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  private queue(job: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(queueOf(job)), { strict: false });
  }

  async upsertAll(): Promise<void> {
    for (const s of SCHEDULES) {
      await this.queue(s.job).upsertJobScheduler(s.id, s.repeat, { name: s.job, data: {} });
    }
    this.logger.log(`job schedulers: ${SCHEDULES.map((s) => s.id).join(', ')}`);
  }

  async removeAll(): Promise<void> {
    for (const s of SCHEDULES) await this.queue(s.job).removeJobScheduler(s.id);
  }
}
