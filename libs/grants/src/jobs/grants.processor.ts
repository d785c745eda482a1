import { Processor } from '@nestjs/bullmq';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { ReportRemindersService } from './report-reminders.service';
import { GrantNoticesService } from './grant-notices.service';
import { PostAwardRemindersService } from '../post-award/post-award-reminders.service';

@Processor('grants', WORKER_OPTIONS)
export class GrantsProcessor extends JobsHost {
  constructor(
    private readonly notices: GrantNoticesService,
    private readonly reminders: ReportRemindersService,
    private readonly postAward: PostAwardRemindersService,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.GRANT_CHANGED]: (job) => this.grantChanged(job),
    [JOB.REPORT_REMINDERS]: () => this.reminders.remind(),
    [JOB.POST_AWARD_REMINDERS]: () => this.postAward.remind(),
  };

  private grantChanged(job: JobOf<typeof JOB.GRANT_CHANGED>): Promise<number> {
    const { grantId, event } = job.data as { grantId?: string; event?: string };
    return this.notices.grantChanged(job.id, grantId, event);
  }
}
