import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { DraftEditsService } from '../draft-edits.service';
import { ApplicationsRepository } from '../repositories/applications.repository';
import { Clock, JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { applicationNoticeTemplates } from './application-notice-texts';

const NOTICE_STATUSES = ['submitted', 'eligible', 'ineligible', 'withdrawn', 'approved', 'rejected'] as const;
type NoticeStatus = (typeof NOTICE_STATUSES)[number];

@Processor('applications', WORKER_OPTIONS)
export class ApplicationsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly repo: ApplicationsRepository,
    private readonly clock: Clock,
    private readonly edits: DraftEditsService,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.APPLICATION_SUBMITTED]: (job) => this.notifyNgo(job, 'submitted'),
    [JOB.APPLICATION_STATUS_CHANGED]: (job) => this.notifyNgo(job, (job.data as { status?: string }).status),
    [JOB.DRAFT_REMINDERS]: () => this.draftReminders(),
    [JOB.EDIT_SUMMARIES]: () => this.edits.flushPastDays(),
  };

  /**
   * Reminds the members of NGOs whose application is still a draft when its call's deadline is less than
   * 72 hours away (once per application: the notification's event id is unique per user).
   */
  private async draftReminders(): Promise<number> {
    const now = this.clock.now();
    const drafts = await this.repo.draftsDue(this.dataSource.manager, now);
    let sent = 0;
    for (const d of drafts) {
      const members = await this.repo.organizationMembers(this.dataSource.manager, d.organization_id);
      sent += await this.notifications.notifyUsers(members, {
        eventId: `draft-reminder:${d.id}`,
        kind: 'application.draft_reminder',
        ...noticeTexts(applicationNoticeTemplates('draftReminder'), {
          title: d.title,
          call: d.call_title,
          deadline: d.deadline.toISOString(),
        }),
      });
    }
    return sent;
  }

  /** Tells the NGO's active members what happened to their application (once per application and status). */
  private async notifyNgo(
    job: JobOf<typeof JOB.APPLICATION_SUBMITTED | typeof JOB.APPLICATION_STATUS_CHANGED>,
    status: string | undefined,
  ): Promise<number> {
    const { applicationId } = job.data as { applicationId?: string };
    if (!applicationId) throw new UnrecoverableError('applicationId missing');
    if (!status || !(NOTICE_STATUSES as readonly string[]).includes(status))
      throw new UnrecoverableError(`no message for status ${String(status)}`);
    const known = status as NoticeStatus; // checked just above
    const app = await this.repo.notice(this.dataSource.manager, applicationId);
    if (!app) throw new UnrecoverableError(`application ${applicationId} not found`);
    const members = await this.repo.organizationMembers(this.dataSource.manager, app.organization_id);
    return this.notifications.notifyUsers(members, {
      eventId: `application:${applicationId}:${status}`,
      kind: `application.${known}`,
      ...noticeTexts(applicationNoticeTemplates(known), { title: app.title, call: app.call_title }),
    });
  }
}
