import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { NotificationsService } from '@app/identity';

@Processor('reviews', WORKER_OPTIONS)
export class ReviewsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.ASSIGNMENT_CHANGED]: (job) => this.assignmentChanged(job),
  };

  /** A new assignment tells the reviewer; a conflict or a submitted review tells the fund's managers. */
  private async assignmentChanged(job: JobOf<typeof JOB.ASSIGNMENT_CHANGED>): Promise<number> {
    const { assignmentId, status } = job.data as { assignmentId?: string; status?: string };
    if (!assignmentId || !status) throw new UnrecoverableError('assignmentId and status are required');
    const rows: { reviewer_id: string; title: string; fund_id: string }[] = await this.dataSource.query(
      `SELECT r.reviewer_id, a.title, a.fund_id FROM review_assignments r JOIN applications a ON a.id = r.application_id
       WHERE r.id = $1`,
      [assignmentId],
    );
    if (!rows.length) throw new UnrecoverableError(`assignment ${assignmentId} not found`);
    const { reviewer_id, title, fund_id } = rows[0];
    const eventId = `assignment:${assignmentId}:${status}`;
    if (status === 'assigned')
      return this.notifications.notifyUsers([reviewer_id], {
        eventId,
        kind: 'review.assigned',
        subject: `New application to review: ${title}`,
        body: `You were assigned the application "${title}". Declare any conflict of interest before scoring.`,
      });
    const managers = await this.notifications.usersWithRole('fund_manager', fund_id);
    return this.notifications.notifyUsers(managers, {
      eventId,
      kind: `review.${status}`,
      subject:
        status === 'conflict'
          ? `Conflict of interest declared on "${title}"`
          : `Review submitted for "${title}"`,
      body:
        status === 'conflict'
          ? `A reviewer declared a conflict of interest on "${title}"; consider assigning another reviewer.`
          : `A reviewer submitted a review of "${title}".`,
    });
  }
}
