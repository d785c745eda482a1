import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Locale } from '../accounts/locales';

/** The UTC day `$n` ('YYYY-MM-DD') as a half-open range of timestamptz. */
const DAY = (n: number) =>
  `n.created_at >= ($${n}::date)::timestamp AT TIME ZONE 'UTC'
   AND n.created_at < ($${n}::date + 1)::timestamp AT TIME ZONE 'UTC'`;

interface NoticeRow {
  subject: string;
  body: string;
  created_at: Date;
}

export interface DigestMail {
  email: string;
  locale: Locale;
  mailedAt: Date | null;
  notices: { subject: string; body: string; createdAt: Date }[];
}

/** notification_digests: one row per user and day, claimed once; its mail is marked when sent. */
@Injectable()
export class DigestRepository {
  /** Claims the day's digest of every active user with digest notices that day; returns the new claims. */
  async claimDay(em: EntityManager, day: string): Promise<string[]> {
    const rows: { user_id: string }[] = await em.query(
      `INSERT INTO notification_digests (user_id, day)
       SELECT DISTINCT n.user_id, $1::date FROM notifications n JOIN users u ON u.id = n.user_id AND u.active
       WHERE n.delivery = 'digest' AND ${DAY(1)}
       ON CONFLICT (user_id, day) DO NOTHING RETURNING user_id`,
      [day],
    );
    return rows.map((r) => r.user_id);
  }

  async forMail(em: EntityManager, userId: string, day: string): Promise<DigestMail | undefined> {
    const [d]: { email: string; locale: Locale; mailed_at: Date | null }[] = await em.query(
      `SELECT u.email, u.locale, d.mailed_at FROM notification_digests d JOIN users u ON u.id = d.user_id
       WHERE d.user_id = $1 AND d.day = $2::date`,
      [userId, day],
    );
    if (!d) return undefined;
    const notices: NoticeRow[] = await em.query(
      `SELECT n.subject, n.body, n.created_at FROM notifications n
       WHERE n.user_id = $1 AND n.delivery = 'digest' AND ${DAY(2)}
       ORDER BY n.created_at, n.id`,
      [userId, day],
    );
    return {
      email: d.email,
      locale: d.locale,
      mailedAt: d.mailed_at,
      notices: notices.map((n) => ({ subject: n.subject, body: n.body, createdAt: n.created_at })),
    };
  }

  /** Marks the mail sent (a digest already marked stays as it is). */
  async markMailed(em: EntityManager, userId: string, day: string): Promise<void> {
    await em.query(
      `UPDATE notification_digests SET mailed_at = now() WHERE user_id = $1 AND day = $2::date AND mailed_at IS NULL`,
      [userId, day],
    );
  }
}
