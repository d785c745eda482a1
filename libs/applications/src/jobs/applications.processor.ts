import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { NotificationsService } from '@app/identity';

const MESSAGES: Record<string, (title: string, call: string) => { subject: string; body: string }> = {
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
    private readonly clock: Clock,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.APPLICATION_SUBMITTED]: (job) => this.notifyNgo(job, 'submitted'),
    [JOB.APPLICATION_STATUS_CHANGED]: (job) => this.notifyNgo(job, (job.data as { status?: string }).status),
    [JOB.DRAFT_REMINDERS]: () => this.draftReminders(),
  };

  /**
   * Reminds the members of NGOs whose application is still a draft when its call's deadline is less than
   * 72 hours away (once per application: the notification's event id is unique per user).
   */
  private async draftReminders(): Promise<number> {
    const now = this.clock.now();
    const drafts: {
      id: string;
      title: string;
      call_title: string;
      deadline: Date;
      organization_id: string;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.title, c.title AS call_title, c.deadline, a.organization_id
         FROM applications a JOIN calls c ON c.id = a.call_id
         WHERE a.status = 'draft' AND c.status IN ('published', 'open')
           AND c.deadline > $1 AND c.deadline <= $1 + interval '72 hours'`,
      [now],
    );
    let sent = 0;
    for (const d of drafts) {
      const members: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM users WHERE organization_id = $1 AND active ORDER BY created_at`,
        [d.organization_id],
      );
      sent += await this.notifications.notifyUsers(
        members.map((m) => m.id),
        {
          eventId: `draft-reminder:${d.id}`,
          kind: 'application.draft_reminder',
          subject: `Reminder: "${d.title}" is not submitted yet`,
          body: `Your application "${d.title}" to the call "${d.call_title}" is still a draft. The deadline is ${d.deadline.toISOString()} (UTC); after it nothing can be submitted.`,
        },
      );
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
    const message = status ? MESSAGES[status] : undefined;
    if (!message) throw new UnrecoverableError(`no message for status ${String(status)}`);
    const apps: { title: string; call_title: string; organization_id: string }[] =
      await this.dataSource.query(
        `SELECT a.title, c.title AS call_title, a.organization_id
       FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.id = $1`,
        [applicationId],
      );
    if (!apps.length) throw new UnrecoverableError(`application ${applicationId} not found`);
    const members: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE organization_id = $1 AND active ORDER BY created_at`,
      [apps[0].organization_id],
    );
    return this.notifications.notifyUsers(
      members.map((m) => m.id),
      {
        eventId: `application:${applicationId}:${status}`,
        kind: `application.${status}`,
        ...message(apps[0].title, apps[0].call_title),
      },
    );
  }
}
