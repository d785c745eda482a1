import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fill, JOB, NotFoundError, OutboxService, Role } from '@app/core';
import { LOCALES, type Locale } from './accounts/locales';
import { NotificationRecord, NotificationsRepository } from './notifications.repository';
import type { NoticeKind } from './preferences/notice-kinds';

export interface NewNotification {
  eventId: string;
  /**
   * One of NOTICE_KINDS (the compiler checks: a kind not listed could be given no preference), or a mail
   * about the account itself, which no preference may hold back (always mailed at once).
   */
  kind: NoticeKind | 'account.password-reset';
  /** In English: what a user whose locale has no translation below gets. */
  subject: string;
  body: string;
  /** The same in the users' languages: each user gets theirs (their saved locale), English otherwise. */
  translations?: Partial<Record<Locale, { subject: string; body: string }>>;
}

/**
 * A notice's subject and body in each of the six languages from templates with `{name}` placeholders (the
 * PDFs' mechanism): spread into a NewNotification, each recipient gets theirs. `values` may depend on the
 * language (an amount in its form).
 */
export function noticeTexts(
  templates: Record<Locale, { subject: string; body: string }>,
  values: Record<string, string | number> | ((locale: Locale) => Record<string, string | number>) = {},
): Pick<NewNotification, 'subject' | 'body' | 'translations'> {
  const of = typeof values === 'function' ? values : () => values;
  const translations = Object.fromEntries(
    LOCALES.map((l) => [
      l,
      { subject: fill(templates[l].subject, of(l)), body: fill(templates[l].body, of(l)) },
    ]),
  ) as Record<Locale, { subject: string; body: string }>;
  return { ...translations.en, translations };
}

/**
 * In-app notifications, one row per user and event. Jobs call these; the unique (event_id, user_id) pair
 * makes a re-run harmless. Each new row the user wants by e-mail at once also gets an outbox
 * `identity.send-mail` job in the same transaction, so the mail follows the notification exactly when the
 * notification was written; `digest` rows wait for the daily digest, `portal` rows are never mailed.
 *
 * The `...In(em, ...)` methods run in the caller's transaction; the others open their own.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** Notifies the users in a transaction of its own (a job's handler). */
  async notifyUsers(userIds: readonly string[], n: NewNotification): Promise<number> {
    if (userIds.length === 0) return 0;
    return this.dataSource.transaction((em) => this.notifyUsersIn(em, userIds, n));
  }

  /** Notifies the users inside the caller's transaction. */
  async notifyUsersIn(em: EntityManager, userIds: readonly string[], n: NewNotification): Promise<number> {
    if (userIds.length === 0) return 0;
    const rows = await this.notifications.insertForUsers(em, userIds, n);
    for (const row of rows)
      if (row.delivery === 'email') await this.outbox.add(em, JOB.SEND_MAIL, { notificationId: row.id });
    return rows.length;
  }

  /** Active users linked to a donor (their contribution receipts go to them). */
  async usersOfDonor(donorId: string): Promise<string[]> {
    return this.notifications.activeOfDonor(this.dataSource.manager, donorId);
  }

  /** Active members of an organization holding a role (an NGO's members hear about its grants). */
  async usersOfOrganization(em: EntityManager, organizationId: string, role: Role): Promise<string[]> {
    return this.notifications.activeOfOrganization(em, organizationId, role);
  }

  /** Active users holding a role, optionally only those who may act on a fund. */
  async usersWithRole(role: Role, fundId?: string): Promise<string[]> {
    return this.usersWithRoleIn(this.dataSource.manager, role, fundId ?? null);
  }

  /**
   * The same, read through the caller's transaction: a second pool connection taken while that
   * transaction holds a lock could wait forever behind jobs queued on the same lock.
   */
  async usersWithRoleIn(em: EntityManager, role: Role, fundId: string | null): Promise<string[]> {
    return this.notifications.activeWithRole(em, role, fundId);
  }

  async forUser(userId: string, limit = 50): Promise<NotificationRecord[]> {
    return this.notifications.forUser(this.dataSource.manager, userId, limit);
  }

  /** Marks one of the caller's notifications read; another user's or an unknown one is 404. */
  async markRead(userId: string, id: string): Promise<NotificationRecord> {
    const row = await this.notifications.markRead(this.dataSource.manager, userId, id);
    if (!row) throw new NotFoundError('notification', id);
    return row;
  }

  /** Marks all the caller's notifications read; returns how many were unread. */
  async markAllRead(userId: string): Promise<number> {
    return this.notifications.markAllRead(this.dataSource.manager, userId);
  }
}
