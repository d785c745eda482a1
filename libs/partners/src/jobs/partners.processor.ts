import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { DocumentReminders } from '../document-reminders';
import { SanctionsImportService } from '../sanctions-import.service';
import { ScreeningService } from '../screening.service';
import { partnerNoticeTemplates } from './partner-notice-texts';

const BANK_NOTICES = {
  requested: 'bankRequested',
  approved: 'bankApproved',
  rejected: 'bankRejected',
} as const;

/** The partners context's jobs: screening, bank-change notices, document reminders, the list fetch. */
@Processor('partners', WORKER_OPTIONS)
export class PartnersProcessor extends JobsHost {
  constructor(
    private readonly screening: ScreeningService,
    private readonly documents: DocumentReminders,
    private readonly sanctions: SanctionsImportService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.PARTNER_SCREEN]: (job) => this.screening.screen(job.data.organizationId),
    [JOB.PARTNER_BANK_CHANGED]: (job) => this.bankChanged(job),
    [JOB.PARTNER_DOCUMENT_REMINDERS]: () => this.documents.remind(),
    [JOB.SANCTIONS_FETCH]: async () => (await this.sanctions.fetchConfigured())?.id ?? null,
  };

  /** Both the NGO's members and the fund managers hear of a bank change and of its decision. */
  private async bankChanged(job: JobOf<typeof JOB.PARTNER_BANK_CHANGED>): Promise<number> {
    const { organizationId, event } = job.data;
    const notice = Object.hasOwn(BANK_NOTICES, event) ? BANK_NOTICES[event] : undefined;
    if (!organizationId || !notice) throw new UnrecoverableError('bad partners.bank-changed payload');
    return this.dataSource.transaction(async (em) => {
      const ngo = await this.notifications.usersOfOrganization(em, organizationId, 'ngo');
      const managers = await this.notifications.usersWithRoleIn(em, 'fund_manager', null);
      return this.notifications.notifyUsersIn(em, [...new Set([...ngo, ...managers])], {
        eventId: `partner-bank:${organizationId}:${event}:${job.id}`,
        kind: 'partner_bank_change',
        ...noticeTexts(partnerNoticeTemplates(notice), { organization: organizationId }),
      });
    });
  }
}
