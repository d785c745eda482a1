import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { NotificationsService } from '@app/identity';
import { ReportRemindersService } from '../report-reminders.service';

const MESSAGES: Record<string, (title: string) => string> = {
  approved: (t) => `Your application "${t}" was approved: a grant agreement is ready to sign.`,
  signed: (t) => `The grant agreement for "${t}" is signed; the first tranche is due.`,
  disbursed: (t) => `A tranche of "${t}" was paid.`,
  cancelled: (t) => `The undisbursed tranches of "${t}" were cancelled.`,
  returned: (t) => `Your return of unspent funds for "${t}" was recorded.`,
  'report-submitted': (t) => `We received your report on "${t}".`,
  'report-accepted': (t) => `Your report on "${t}" was accepted.`,
  'report-returned': (t) => `Your report on "${t}" was returned with comments.`,
  closed: (t) => `The grant "${t}" is closed. Thank you.`,
};

/** Tells the grantee NGO's members what happened to their grant (in-app; mail goes from these rows). */
@Processor('grants', WORKER_OPTIONS)
export class GrantsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly reminders: ReportRemindersService,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.GRANT_CHANGED]: (job) => this.grantChanged(job),
    [JOB.REPORT_REMINDERS]: () => this.reminders.remind(),
  };

  private async grantChanged(job: JobOf<typeof JOB.GRANT_CHANGED>): Promise<number> {
    const { grantId, event } = job.data as { grantId?: string; event?: string };
    if (!grantId || !event || !MESSAGES[event])
      throw new UnrecoverableError('grantId and a known event are needed');
    const [grant]: { title: string; organization_id: string }[] = await this.dataSource.query(
      `SELECT title, organization_id FROM grants WHERE id = $1`,
      [grantId],
    );
    if (!grant) throw new UnrecoverableError(`grant ${grantId} not found`);
    const members: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE organization_id = $1 AND active AND 'ngo' = ANY(roles)`,
      [grant.organization_id],
    );
    return this.notifications.notifyUsers(
      members.map((m) => m.id),
      {
        eventId: `grant:${job.id}`,
        kind: `grant.${event}`,
        subject: `Grant "${grant.title}": ${event.replace('-', ' ')}`,
        body: MESSAGES[event](grant.title),
      },
    );
  }
}
