import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { partnerNoticeTemplates } from './jobs/partner-notice-texts';
import { isoDay } from './partner-access';
import { ProfilesRepository } from './repositories/profiles.repository';

/** Reminders go out this many days before a document expires. */
export const REMINDER_DAYS = 30;

/** The scheduled reminders of expiring due-diligence documents (the worker's side). */
@Injectable()
export class DocumentReminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ProfilesRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Tells the NGO's members about each document expiring within REMINDER_DAYS (once per document: the
   * reminder is marked in the same transaction as the notification).
   */
  async remind(): Promise<number> {
    const today = isoDay(this.clock.now());
    const due = await this.repo.expiringUnreminded(this.dataSource.manager, today, REMINDER_DAYS);
    let sent = 0;
    for (const d of due) {
      await this.dataSource.transaction(async (em) => {
        if (!(await this.repo.markReminded(em, d.id))) return;
        const users = await this.notifications.usersOfOrganization(em, d.organizationId, 'ngo');
        const expired = d.expiresOn! < today;
        await this.notifications.notifyUsersIn(em, users, {
          eventId: `partner-document-expiry:${d.id}`,
          kind: 'partner_document_expiry',
          ...noticeTexts(partnerNoticeTemplates(expired ? 'documentExpired' : 'documentExpiring'), {
            type: d.type,
            filename: d.filename,
            date: d.expiresOn!,
          }),
        });
        sent += 1;
      });
    }
    return sent;
  }
}
