import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import { noticeTexts, NotificationsService, type NoticeKind } from '@app/identity';
import { type ReminderKey, reminderTemplates } from '../jobs/reminder-texts';
import { GrantsRepository } from '../repositories/grants.repository';
import { AmendmentsRepository } from './amendments.repository';
import { OffersRepository } from './offers.repository';
import { isoDate } from './post-award.rules';

/** Offers get a reminder this many days before their answer date; reports this many before their due date. */
export const OFFER_REMIND_DAYS = 7;
export const REPORT_REMIND_DAYS = 14;

/**
 * The post-award reminders (`grants.post-award-reminders`, daily): the grantee is reminded of an offer before
 * its answer date and the fund's managers hear of one that lapsed; the grantee is reminded of a scheduled
 * report before it is due and told when it is overdue. Each is claimed in the transaction that writes its
 * notifications, so a re-run sends nothing twice and a failed run loses nothing.
 */
@Injectable()
export class PostAwardRemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsRepository,
    private readonly offers: OffersRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async remind(): Promise<number> {
    const now = this.clock.now();
    const today = isoDate(now);
    return this.dataSource.transaction(async (em) => {
      let sent = 0;
      for (const { id } of await this.offers.claimReminders(em, now, OFFER_REMIND_DAYS)) {
        sent += await this.toGrantee(em, id, 'grant.offer_reminder', 'offerReminder');
      }
      for (const { id, fund_id: fundId } of await this.offers.claimLapsed(em, now)) {
        const g = (await this.grants.byId(em, id))!;
        const managers = await this.notifications.usersWithRoleIn(em, 'fund_manager', fundId);
        sent += await this.notifications.notifyUsersIn(em, managers, {
          eventId: `offer-lapsed:${id}`,
          kind: 'grant.offer_lapsed',
          ...noticeTexts(reminderTemplates('offerLapsed'), { title: g.title }),
        });
      }
      for (const e of await this.amendments.claimDueSoon(em, today, REPORT_REMIND_DAYS)) {
        sent += await this.toGrantee(
          em,
          e.grant_id,
          'grant.report_due',
          e.final ? 'finalDue' : 'progressDue',
          `scheduled-report-due:${e.grant_id}:${e.n}`,
          e.due_on,
        );
      }
      for (const e of await this.amendments.claimOverdue(em, today)) {
        sent += await this.toGrantee(
          em,
          e.grant_id,
          'grant.report_overdue',
          e.final ? 'finalOverdue' : 'progressOverdue',
          `scheduled-report-overdue:${e.grant_id}:${e.n}`,
          e.due_on,
        );
      }
      return sent;
    });
  }

  private async toGrantee(
    em: EntityManager,
    grantId: string,
    kind: NoticeKind,
    text: ReminderKey,
    eventId = `offer-reminder:${grantId}`,
    date?: string,
  ): Promise<number> {
    const g = (await this.grants.byId(em, grantId))!;
    const offer = await this.offers.offer(em, grantId);
    const day = date ?? (offer.respondBy ? isoDate(offer.respondBy) : '');
    const members = await this.notifications.usersOfOrganization(em, g.organizationId, 'ngo');
    // each member in their own language
    return this.notifications.notifyUsersIn(em, members, {
      eventId,
      kind,
      ...noticeTexts(reminderTemplates(text), { title: g.title, date: day }),
    });
  }
}
