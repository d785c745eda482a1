import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { formatMinor, JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { NotificationsService } from '@app/identity';
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
    const amount = formatMinor(c.amount, c.currency);
    return this.notifications.notifyUsers(users, {
      eventId: `contribution-received:${contributionId}`,
      kind: 'contribution.received',
      subject: `Receipt ${c.receiptNumber}: thank you for your contribution`,
      body: `We received your contribution of ${amount} to ${c.fundName}. Receipt number ${c.receiptNumber}; the PDF receipt is available in the portal.`,
    });
  }
}
