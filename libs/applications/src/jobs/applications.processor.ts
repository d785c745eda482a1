import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandler, JobName, JobsHost } from '@app/core';
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

@Processor('applications')
export class ApplicationsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JOB.APPLICATION_SUBMITTED]: (job) => this.notifyNgo(job, 'submitted'),
    [JOB.APPLICATION_STATUS_CHANGED]: (job) => this.notifyNgo(job, (job.data as { status?: string }).status),
  };

  /** Tells the NGO's active members what happened to their application (once per application and status). */
  private async notifyNgo(job: Job, status: string | undefined): Promise<number> {
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
