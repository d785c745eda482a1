import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { PasswordResetMailer } from '../auth/password-reset.mailer';
import { AccountMailSender } from '../accounts/account-mail.sender';
import { DigestService, isDay } from '../digest/digest.service';
import { AccountsPurge } from '../housekeeping/accounts-purge';
import { MailService } from '../mail/mail.service';
import { noticeTexts, NotificationsService } from '../notifications.service';
import { UsersRepository } from '../users.repository';

/** The staff's notice of a newly registered NGO, in the six UN languages (`{name}`, `{country}`). */
const ORGANIZATION_REGISTERED = {
  en: {
    subject: 'New NGO to verify: {name}',
    body: '{name} ({country}) registered and waits for verification.',
  },
  fr: {
    subject: 'Nouvelle ONG à vérifier : {name}',
    body: "{name} ({country}) s'est inscrite et attend sa vérification.",
  },
  es: {
    subject: 'Nueva ONG por verificar: {name}',
    body: '{name} ({country}) se registró y espera su verificación.',
  },
  ru: {
    subject: 'Новая НКО для проверки: {name}',
    body: '{name} ({country}) зарегистрировалась и ожидает проверки.',
  },
  zh: { subject: '待核实的新非政府组织：{name}', body: '{name}（{country}）已注册，正在等待核实。' },
  ar: { subject: 'منظمة غير حكومية جديدة للتحقق: {name}', body: 'سُجّلت {name} ({country}) وتنتظر التحقق.' },
};

const UUID = /^[0-9a-f-]{36}$/i;

@Processor('identity', WORKER_OPTIONS)
export class IdentityProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly resetMailer: PasswordResetMailer,
    private readonly accountMails: AccountMailSender,
    private readonly digests: DigestService,
    private readonly users: UsersRepository,
    private readonly purge: AccountsPurge,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.ORGANIZATION_REGISTERED]: (job) => this.organizationRegistered(job),
    [JOB.SEND_MAIL]: (job) => this.sendMail(job),
    [JOB.PASSWORD_RESET_REQUESTED]: (job) => this.passwordResetRequested(job),
    [JOB.ACCOUNT_MAIL]: (job) => this.accountMail(job),
    [JOB.DAILY_DIGEST]: (job) => this.dailyDigest(job),
    [JOB.SEND_DIGEST]: (job) => this.sendDigest(job),
    [JOB.PURGE_ACCOUNTS]: () => this.purge.run(),
  };

  private async passwordResetRequested(job: JobOf<typeof JOB.PASSWORD_RESET_REQUESTED>): Promise<string> {
    const { email, address } = job.data as { email?: string; address?: string };
    if (typeof email !== 'string' || !email) throw new UnrecoverableError('email missing');
    return this.resetMailer.sendLink(email, typeof address === 'string' ? address : null);
  }

  /** An account link (invitation, confirmation) or the "someone tried to register" warning. */
  private async accountMail(job: JobOf<typeof JOB.ACCOUNT_MAIL>): Promise<string> {
    const { tokenId, userId, template } = job.data as {
      tokenId?: string;
      userId?: string;
      template?: string;
    };
    if (tokenId && UUID.test(tokenId)) return this.accountMails.sendLink(tokenId);
    if (template === 'registration_attempt' && userId && UUID.test(userId))
      return this.accountMails.sendRegistrationAttempt(userId, String(job.id));
    throw new UnrecoverableError('a tokenId, or a userId with a known template, is needed');
  }

  /** The scheduler's daily run covers the day before; `{ day: 'YYYY-MM-DD' }` runs a given day. */
  private async dailyDigest(job: JobOf<typeof JOB.DAILY_DIGEST>): Promise<number> {
    const { day } = (job.data ?? {}) as { day?: unknown };
    if (day === undefined) return this.digests.run();
    if (!isDay(day)) throw new UnrecoverableError('day must be YYYY-MM-DD');
    return this.digests.run(day);
  }

  private async sendDigest(job: JobOf<typeof JOB.SEND_DIGEST>): Promise<string> {
    const { userId, day } = job.data as { userId?: string; day?: unknown };
    if (!userId || !UUID.test(userId) || !isDay(day))
      throw new UnrecoverableError('userId and day (YYYY-MM-DD) are needed');
    return this.digests.send(userId, day);
  }

  private async sendMail(job: JobOf<typeof JOB.SEND_MAIL>): Promise<string> {
    const { notificationId } = job.data as { notificationId?: string };
    if (!notificationId || !UUID.test(notificationId))
      throw new UnrecoverableError('notificationId missing or not a uuid');
    return this.mail.sendNotification(notificationId);
  }

  /** Tells fund managers and admins that an NGO waits to be verified. */
  private async organizationRegistered(job: JobOf<typeof JOB.ORGANIZATION_REGISTERED>): Promise<number> {
    const { organizationId } = job.data as { organizationId?: string };
    if (!organizationId) throw new UnrecoverableError('organizationId missing');
    const org = await this.users.organizationLabel(this.dataSource.manager, organizationId);
    if (!org) throw new UnrecoverableError(`organization ${organizationId} not found`);
    const staff = [
      ...new Set([
        ...(await this.notifications.usersWithRole('fund_manager')),
        ...(await this.notifications.usersWithRole('admin')),
      ]),
    ];
    return this.notifications.notifyUsers(staff, {
      eventId: `organization-registered:${organizationId}`,
      kind: 'organization.registered',
      ...noticeTexts(ORGANIZATION_REGISTERED, { name: org.name, country: org.country }),
    });
  }
}
