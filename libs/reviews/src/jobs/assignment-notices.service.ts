import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '@app/applications';
import { noticeTexts, NotificationsService } from '@app/identity';
import { reviewNoticeTemplates } from './review-notice-texts';
import { ReviewsRepository } from '../reviews.repository';

/** A new assignment tells the reviewer; a conflict or a submitted review tells the fund's managers. */
@Injectable()
export class AssignmentNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ReviewsRepository,
    private readonly applications: ApplicationsService,
    private readonly notifications: NotificationsService,
  ) {}

  async assignmentChanged(assignmentId?: string, status?: string): Promise<number> {
    if (!assignmentId || !status) throw new UnrecoverableError('assignmentId and status are required');
    const em = this.dataSource.manager;
    const assignment = await this.repo.byId(em, assignmentId);
    const app = assignment && (await this.applications.findById(em, assignment.applicationId));
    if (!assignment || !app) throw new UnrecoverableError(`assignment ${assignmentId} not found`);
    const { title, fundId } = app;
    const eventId = `assignment:${assignmentId}:${status}`;
    if (status === 'assigned')
      return this.notifications.notifyUsers([assignment.reviewerId], {
        eventId,
        kind: 'review.assigned',
        ...noticeTexts(reviewNoticeTemplates('assigned'), { title }),
      });
    const managers = await this.notifications.usersWithRole('fund_manager', fundId);
    return this.notifications.notifyUsers(managers, {
      eventId,
      kind: status === 'conflict' ? 'review.conflict' : 'review.submitted',
      ...noticeTexts(reviewNoticeTemplates(status === 'conflict' ? 'conflict' : 'submitted'), { title }),
    });
  }
}
