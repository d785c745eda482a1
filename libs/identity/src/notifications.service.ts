import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { JOB, OutboxService, Role } from '@app/core';

export interface NewNotification {
  eventId: string;
  kind: string;
  subject: string;
  body: string;
}

/**
 * In-app notifications, one row per user and event. Jobs call these; the unique (event_id, user_id) pair
 * makes a re-run harmless. Each new row the user wants by e-mail at once also gets an outbox
 * `identity.send-mail` job in the same transaction, so the mail follows the notification exactly when the
 * notification was written; `digest` rows wait for the daily digest, `portal` rows are never mailed.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async notifyUsers(userIds: readonly string[], n: NewNotification, em?: EntityManager): Promise<number> {
    if (userIds.length === 0) return 0;
    const write = async (tx: EntityManager): Promise<number> => {
      // each user's preference for this kind decides the delivery: mailed at once (the default), kept for
      // the daily digest, or shown in the portal only
      const rows: { id: string; delivery: string }[] = await tx.query(
        `INSERT INTO notifications (user_id, event_id, kind, subject, body, delivery)
         SELECT u, $2, $3, $4, $5, coalesce(p.channel, 'email') FROM unnest($1::uuid[]) AS u
         LEFT JOIN notification_preferences p ON p.user_id = u AND p.kind = $3
         ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id, delivery`,
        [userIds, n.eventId, n.kind, n.subject, n.body],
      );
      for (const row of rows)
        if (row.delivery === 'email') await this.outbox.add(tx, JOB.SEND_MAIL, { notificationId: row.id });
      return rows.length;
    };
    return em ? write(em) : this.dataSource.transaction(write);
  }

  /** Active users linked to a donor (their contribution receipts go to them). */
  async usersOfDonor(donorId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE active AND donor_id = $1 ORDER BY created_at`,
      [donorId],
    );
    return rows.map((r) => r.id);
  }

  /** Active members of an organization holding a role (an NGO's members hear about its grants). */
  async usersOfOrganization(em: EntityManager, organizationId: string, role: Role): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM users WHERE organization_id = $1 AND active AND $2 = ANY(roles) ORDER BY created_at`,
      [organizationId, role],
    );
    return rows.map((r) => r.id);
  }

  /** Active users holding a role, optionally only those who may act on a fund. */
  async usersWithRole(role: Role, fundId?: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE active AND $1 = ANY(roles)
         AND ($2::uuid IS NULL OR cardinality(fund_ids) = 0 OR $2::uuid = ANY(fund_ids))
       ORDER BY created_at`,
      [role, fundId ?? null],
    );
    return rows.map((r) => r.id);
  }

  async forUser(userId: string, limit = 50): Promise<unknown[]> {
    return this.dataSource.query(
      `SELECT id, kind, subject, body, created_at AS "createdAt", read_at AS "readAt"
       FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }
}
