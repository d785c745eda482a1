import { Processor } from '@nestjs/bullmq';
import { HousekeepingService, JOB, JobHandlers, JobsHost, WORKER_OPTIONS } from '@app/core';

/** The platform's own upkeep (no bounded context owns it): the nightly purge. */
@Processor('housekeeping', WORKER_OPTIONS)
export class HousekeepingProcessor extends JobsHost {
  constructor(private readonly housekeeping: HousekeepingService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.PURGE]: () => this.housekeeping.purge(),
  };
}
