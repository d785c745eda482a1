import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Channel } from './notice-kinds';

interface PreferenceRow {
  kind: string;
  channel: Channel;
}

/** notification_preferences: one row per user and kind that differs from the default (or was set). */
@Injectable()
export class PreferencesRepository {
  async forUser(em: EntityManager, userId: string): Promise<Map<string, Channel>> {
    const rows: PreferenceRow[] = await em.query(
      `SELECT kind, channel FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.channel]));
  }

  async upsert(em: EntityManager, userId: string, items: readonly PreferenceRow[]): Promise<void> {
    if (!items.length) return;
    await em.query(
      `INSERT INTO notification_preferences (user_id, kind, channel, updated_at)
       SELECT $1, k, c, now() FROM unnest($2::text[], $3::text[]) AS t(k, c)
       ON CONFLICT (user_id, kind) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
      [userId, items.map((i) => i.kind), items.map((i) => i.channel)],
    );
  }
}
