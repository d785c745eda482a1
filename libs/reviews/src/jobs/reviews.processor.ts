import { Processor } from '@nestjs/bullmq';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { AssignmentNoticesService } from './assignment-notices.service';

@Processor('reviews', WORKER_OPTIONS)
export class ReviewsProcessor extends JobsHost {
  constructor(private readonly notices: AssignmentNoticesService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.ASSIGNMENT_CHANGED]: (job) => this.assignmentChanged(job),
  };

  private assignmentChanged(job: JobOf<typeof JOB.ASSIGNMENT_CHANGED>): Promise<number> {
    const { assignmentId, status } = job.data as { assignmentId?: string; status?: string };
    return this.notices.assignmentChanged(assignmentId, status);
  }
}
