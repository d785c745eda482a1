import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Role } from '@app/core';

export interface NotificationRecord {
  id: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

interface NotificationRow {
  id: string;
  kind: string;
  subject: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const NOTIFICATION_COLUMNS = `id, kind, subject, body, created_at, read_at`;

const toNotificationRecord = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  body: r.body,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** SQL of the in-app notifications and of their recipients (identity context: notifications, users). */
@Injectable()
export class NotificationsRepository {
  /**
   * One row per user for the event (none where the pair exists already); each user's preference for the
   * kind decides the delivery: mailed at once (the default), kept for the daily digest, or portal only.
   * Returns the new rows.
   */
  async insertForUsers(
    em: EntityManager,
    userIds: readonly string[],
    n: {
      eventId: string;
      kind: string;
      subject: string;
      body: string;
      translations?: Partial<Record<string, { subject: string; body: string }>>;
    },
  ): Promise<{ id: string; delivery: string }[]> {
    // Each user gets the subject and body in their saved locale where a translation was given, else the
    // English ones (`subject`, `body`).
    const translations = Object.entries(n.translations ?? {}).map(([locale, t]) => ({ locale, ...t }));
    return em.query(
      `INSERT INTO notifications (user_id, event_id, kind, subject, body, delivery)
       SELECT x.u, $2, $3, coalesce(t.subject, $4), coalesce(t.body, $5), coalesce(p.channel, 'email')
       FROM unnest($1::uuid[]) AS x(u)
       LEFT JOIN users usr ON usr.id = x.u
       LEFT JOIN jsonb_to_recordset($6::jsonb) AS t(locale text, subject text, body text) ON t.locale = usr.locale
       LEFT JOIN notification_preferences p ON p.user_id = x.u AND p.kind = $3
       ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id, delivery`,
      [userIds, n.eventId, n.kind, n.subject, n.body, JSON.stringify(translations)],
    );
  }

  /** The user's notifications, newest first. */
  async forUser(em: EntityManager, userId: string, limit: number): Promise<NotificationRecord[]> {
    const rows: NotificationRow[] = await em.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE user_id = $1
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toNotificationRecord);
  }

  /** Marks one of the user's notifications read (kept as first read); none when the user has no such one. */
  async markRead(em: EntityManager, userId: string, id: string): Promise<NotificationRecord | undefined> {
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [[row]]: [NotificationRow[], number] = await em.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
       RETURNING ${NOTIFICATION_COLUMNS}`,
      [id, userId],
    );
    return row && toNotificationRecord(row);
  }

  /** Marks every unread notification of the user read; returns how many changed. */
  async markAllRead(em: EntityManager, userId: string): Promise<number> {
    const [, count]: [unknown[], number] = await em.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Ids of the active users linked to a donor, oldest first. */
  async activeOfDonor(em: EntityManager, donorId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM users WHERE active AND donor_id = $1 ORDER BY created_at`,
      [donorId],
    );
    return rows.map((r) => r.id);
  }

  /** Ids of the active members of an organization holding a role, oldest first. */
  async activeOfOrganization(em: EntityManager, organizationId: string, role: Role): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM users WHERE organization_id = $1 AND active AND $2 = ANY(roles) ORDER BY created_at`,
      [organizationId, role],
    );
    return rows.map((r) => r.id);
  }

  /** Ids of the active users holding a role, only those who may act on `fundId` when given; oldest first. */
  async activeWithRole(em: EntityManager, role: Role, fundId: string | null): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM users WHERE active AND $1 = ANY(roles)
         AND ($2::uuid IS NULL OR cardinality(fund_ids) = 0 OR $2::uuid = ANY(fund_ids))
       ORDER BY created_at`,
      [role, fundId],
    );
    return rows.map((r) => r.id);
  }

  /** What the mail of one notification needs: the user's address, the text, and whether it went already. */
  async mailOf(
    em: EntityManager,
    notificationId: string,
  ): Promise<
    { email: string | null; locale: string; subject: string; body: string; mailedAt: Date | null } | undefined
  > {
    const [row]: {
      email: string | null;
      locale: string;
      subject: string;
      body: string;
      mailed_at: Date | null;
    }[] = await em.query(
      `SELECT u.email, u.locale, n.subject, n.body, n.mailed_at FROM notifications n
       JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
      [notificationId],
    );
    return (
      row && {
        email: row.email,
        locale: row.locale,
        subject: row.subject,
        body: row.body,
        mailedAt: row.mailed_at,
      }
    );
  }

  async markMailed(em: EntityManager, notificationId: string): Promise<void> {
    await em.query(`UPDATE notifications SET mailed_at = now() WHERE id = $1 AND mailed_at IS NULL`, [
      notificationId,
    ]);
  }
}
