import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandler, JobName, JobsHost, WORKER_OPTIONS } from '@app/core';
import { PasswordResetMailer } from '../auth/password-reset.mailer';
import { MailService } from '../mail/mail.service';
import { NotificationsService } from '../notifications.service';

@Processor('identity', WORKER_OPTIONS)
export class IdentityProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly resetMailer: PasswordResetMailer,
  ) {
    super();
  }

  readonly handlers: Partial<Record<JobName, JobHandler>> = {
    [JOB.ORGANIZATION_REGISTERED]: (job) => this.organizationRegistered(job),
    [JOB.SEND_MAIL]: (job) => this.sendMail(job),
    [JOB.PASSWORD_RESET_REQUESTED]: (job) => this.passwordResetRequested(job),
  };

  private async passwordResetRequested(job: Job): Promise<string> {
    const { email, address } = job.data as { email?: string; address?: string };
    if (typeof email !== 'string' || !email) throw new UnrecoverableError('email missing');
    return this.resetMailer.sendLink(email, typeof address === 'string' ? address : null);
  }

  private async sendMail(job: Job): Promise<string> {
    const { notificationId } = job.data as { notificationId?: string };
    if (!notificationId || !/^[0-9a-f-]{36}$/i.test(notificationId))
      throw new UnrecoverableError('notificationId missing or not a uuid');
    return this.mail.sendNotification(notificationId);
  }

  /** Tells fund managers and admins that an NGO waits to be verified. */
  private async organizationRegistered(job: Job): Promise<number> {
    const { organizationId } = job.data as { organizationId?: string };
    if (!organizationId) throw new UnrecoverableError('organizationId missing');
    const orgs: { name: string; country: string }[] = await this.dataSource.query(
      `SELECT name, country FROM organizations WHERE id = $1`,
      [organizationId],
    );
    if (!orgs.length) throw new UnrecoverableError(`organization ${organizationId} not found`);
    const staff = [
      ...new Set([
        ...(await this.notifications.usersWithRole('fund_manager')),
        ...(await this.notifications.usersWithRole('admin')),
      ]),
    ];
    return this.notifications.notifyUsers(staff, {
      eventId: `organization-registered:${organizationId}`,
      kind: 'organization.registered',
      subject: `New NGO to verify: ${orgs[0].name}`,
      body: `${orgs[0].name} (${orgs[0].country}) registered and waits for verification.`,
    });
  }
}
