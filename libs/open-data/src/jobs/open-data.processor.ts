import { Processor } from '@nestjs/bullmq';
import { JOB, JobHandlers, JobsHost, WORKER_OPTIONS } from '@app/core';
import { IatiPublisher } from './iati-publisher';

@Processor('open-data', WORKER_OPTIONS)
export class OpenDataProcessor extends JobsHost {
  constructor(private readonly publisher: IatiPublisher) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.PUBLISH_IATI]: async () => (await this.publisher.publishAll()).length,
  };
}
