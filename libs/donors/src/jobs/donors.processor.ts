import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { formatMinor, JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { RECEIPT_NOTICE_TEXTS } from './receipt-notice-texts';
import { ContributionsRepository } from '../repositories/contributions.repository';

@Processor('donors', WORKER_OPTIONS)
export class DonorsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly contributions: ContributionsRepository,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.CONTRIBUTION_RECEIVED]: (job) => this.contributionReceived(job),
  };

  /** Sends the donor's users their receipt (once per contribution; the mail follows the notification). */
  private async contributionReceived(job: JobOf<typeof JOB.CONTRIBUTION_RECEIVED>): Promise<number> {
    const { contributionId } = job.data as { contributionId?: string };
    if (!contributionId || !/^[0-9a-f-]{36}$/i.test(contributionId))
      throw new UnrecoverableError('contributionId missing or not a uuid');
    const c = await this.contributions.receiptNotice(this.dataSource.manager, contributionId);
    if (!c) throw new UnrecoverableError(`contribution ${contributionId} not found`);
    const users = await this.notifications.usersOfDonor(c.donorId);
    // each user in their language, the amount in its form
    return this.notifications.notifyUsers(users, {
      eventId: `contribution-received:${contributionId}`,
      kind: 'contribution.received',
      ...noticeTexts(RECEIPT_NOTICE_TEXTS, (locale) => ({
        receipt: c.receiptNumber,
        amount: formatMinor(c.amount, c.currency, locale),
        fund: c.fundName,
      })),
    });
  }
}
