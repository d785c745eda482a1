import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JOB, JobHandler, JobName, JobsHost, WORKER_OPTIONS } from '@app/core';
import { AssignmentNoticesService } from './assignment-notices.service';

@Processor('reviews', WORKER_OPTIONS)
export class ReviewsProcessor extends JobsHost {
  constructor(private readonly notices: AssignmentNoticesService) {
    super();
  }

  readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JOB.ASSIGNMENT_CHANGED]: (job) => this.assignmentChanged(job),
  };

  private assignmentChanged(job: Job): Promise<number> {
    const { assignmentId, status } = job.data as { assignmentId?: string; status?: string };
    return this.notices.assignmentChanged(assignmentId, status);
  }
}
