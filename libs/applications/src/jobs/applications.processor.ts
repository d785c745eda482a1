import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { DraftEditsService } from '../draft-edits.service';
import { ApplicationsRepository } from '../repositories/applications.repository';
import { Clock, JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { NotificationsService } from '@app/identity';

type NoticeStatus = 'submitted' | 'eligible' | 'ineligible' | 'withdrawn' | 'approved' | 'rejected';

const MESSAGES: Record<NoticeStatus, (title: string, call: string) => { subject: string; body: string }> = {
  submitted: (t, c) => ({
    subject: `We received your application "${t}"`,
    body: `Your application "${t}" to the call "${c}" was submitted. We will tell you when it has been screened.`,
  }),
  eligible: (t) => ({
    subject: `Your application "${t}" is eligible`,
    body: `Your application "${t}" passed the eligibility screening and goes to review.`,
  }),
  ineligible: (t) => ({
    subject: `Your application "${t}" is not eligible`,
    body: `Your application "${t}" did not pass the eligibility screening.`,
  }),
  withdrawn: (t) => ({
    subject: `Application "${t}" withdrawn`,
    body: `Your application "${t}" was withdrawn.`,
  }),
  approved: (t) => ({
    subject: `Application "${t}" approved`,
    body: `Your application "${t}" was approved.`,
  }),
  rejected: (t) => ({
    subject: `Application "${t}" not funded`,
    body: `Your application "${t}" was not funded.`,
  }),
};

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
        subject: `Reminder: "${d.title}" is not submitted yet`,
        body: `Your application "${d.title}" to the call "${d.call_title}" is still a draft. The deadline is ${d.deadline.toISOString()} (UTC); after it nothing can be submitted.`,
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
    if (!status || !Object.hasOwn(MESSAGES, status))
      throw new UnrecoverableError(`no message for status ${String(status)}`);
    const known = status as NoticeStatus; // checked just above
    const message = MESSAGES[known];
    const app = await this.repo.notice(this.dataSource.manager, applicationId);
    if (!app) throw new UnrecoverableError(`application ${applicationId} not found`);
    const members = await this.repo.organizationMembers(this.dataSource.manager, app.organization_id);
    return this.notifications.notifyUsers(members, {
      eventId: `application:${applicationId}:${status}`,
      kind: `application.${known}`,
      ...message(app.title, app.call_title),
    });
  }
}
