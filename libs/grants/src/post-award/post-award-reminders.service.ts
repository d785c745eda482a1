import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import { NotificationsService, type NoticeKind } from '@app/identity';
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
        sent += await this.toGrantee(em, id, 'grant.offer_reminder', (t, respondBy) => [
          `Please answer the award for "${t}"`,
          `The award for "${t}" awaits your acceptance until ${respondBy}.`,
        ]);
      }
      for (const { id, fund_id: fundId } of await this.offers.claimLapsed(em, now)) {
        const g = (await this.grants.byId(em, id))!;
        const managers = await this.notifications.usersWithRoleIn(em, 'fund_manager', fundId);
        sent += await this.notifications.notifyUsersIn(em, managers, {
          eventId: `offer-lapsed:${id}`,
          kind: 'grant.offer_lapsed',
          subject: `The offer for "${g.title}" lapsed`,
          body: `The grantee did not answer the award for "${g.title}" in time: withdraw it or extend the talks.`,
        });
      }
      for (const e of await this.amendments.claimDueSoon(em, today, REPORT_REMIND_DAYS)) {
        sent += await this.toGrantee(
          em,
          e.grant_id,
          'grant.report_due',
          (t) => [
            `Report due for "${t}"`,
            `Your ${e.final ? 'final' : 'progress'} report on "${t}" is due on ${e.due_on}.`,
          ],
          `scheduled-report-due:${e.grant_id}:${e.n}`,
        );
      }
      for (const e of await this.amendments.claimOverdue(em, today)) {
        sent += await this.toGrantee(
          em,
          e.grant_id,
          'grant.report_overdue',
          (t) => [
            `Report overdue for "${t}"`,
            `Your ${e.final ? 'final' : 'progress'} report on "${t}" was due on ${e.due_on}.`,
          ],
          `scheduled-report-overdue:${e.grant_id}:${e.n}`,
        );
      }
      return sent;
    });
  }

  private async toGrantee(
    em: EntityManager,
    grantId: string,
    kind: NoticeKind,
    text: (title: string, respondBy: string) => [string, string],
    eventId = `offer-reminder:${grantId}`,
  ): Promise<number> {
    const g = (await this.grants.byId(em, grantId))!;
    const offer = await this.offers.offer(em, grantId);
    const [subject, body] = text(g.title, offer.respondBy ? isoDate(offer.respondBy) : '');
    const members = await this.notifications.usersOfOrganization(em, g.organizationId, 'ngo');
    return this.notifications.notifyUsersIn(em, members, { eventId, kind, subject, body });
  }
}
