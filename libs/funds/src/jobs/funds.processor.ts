import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JOB, JobHandler, JobName, JobsHost } from '@app/core';
import { SnapshotsService } from '../snapshots.service';

@Processor('funds')
export class FundsProcessor extends JobsHost {
  constructor(private readonly snapshots: SnapshotsService) {
    super();
  }

  readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JOB.BALANCE_CHANGED]: (job) => this.balanceChanged(job),
  };

  private async balanceChanged(job: Job): Promise<boolean> {
    const { fundId } = job.data as { fundId?: string };
    if (!fundId) throw new UnrecoverableError('fundId missing');
    return this.snapshots.recordIfChanged(fundId);
  }
}
