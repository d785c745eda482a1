import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandlers, JobOf, JobsHost, minor, WORKER_OPTIONS } from '@app/core';
import { NotificationsService } from '@app/identity';
import { formatMinor } from '../receipts/receipt-pdf';

@Processor('donors', WORKER_OPTIONS)
export class DonorsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
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
    const rows: {
      donor_id: string;
      receipt_number: string;
      amount: string;
      currency: string;
      fund: string;
    }[] = await this.dataSource.query(
      `SELECT c.donor_id, c.receipt_number, c.amount, c.currency, f.name AS fund
         FROM contributions c JOIN funds f ON f.id = c.fund_id WHERE c.id = $1`,
      [contributionId],
    );
    if (!rows.length) throw new UnrecoverableError(`contribution ${contributionId} not found`);
    const c = rows[0];
    const users = await this.notifications.usersOfDonor(c.donor_id);
    const amount = formatMinor(minor(c.amount), c.currency.trim());
    return this.notifications.notifyUsers(users, {
      eventId: `contribution-received:${contributionId}`,
      kind: 'contribution.received',
      subject: `Receipt ${c.receipt_number}: thank you for your contribution`,
      body: `We received your contribution of ${amount} to ${c.fund}. Receipt number ${c.receipt_number}; the PDF receipt is available in the portal.`,
    });
  }
}
