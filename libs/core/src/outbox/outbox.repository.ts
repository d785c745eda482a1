import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One outbox row as the relay hands it to BullMQ. */
export interface OutboxRow {
  id: string;
  name: string;
  payload: Record<string, unknown>;
}

const OUTBOX_COLUMNS = `id, name, payload`;

/** The outbox INSERT as SQL text and parameters numbered from `$first`, to be combined in one statement. */
export function outboxInsert(name: string, payload: unknown, first = 1): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO outbox (name, payload) VALUES ($${first}, $${first + 1})`,
    params: [name, JSON.stringify(payload)],
  };
}

/** SQL of the outbox table (core): written in the callers' transactions, drained by the relay. */
@Injectable()
export class OutboxRepository {
  async insert(em: EntityManager, name: string, payload: unknown): Promise<string> {
    const { sql, params } = outboxInsert(name, payload);
    const [row]: { id: string }[] = await em.query(`${sql} RETURNING id`, params);
    return row.id;
  }

  /**
   * Claims up to `limit` unsent rows, oldest first, skipping rows another relay holds. Should this process
   * stall mid-pass (or shut down under it), the server ends the transaction and frees the claimed rows for
   * the other relays instead of holding them forever.
   */
  async claimUnsent(em: EntityManager, limit: number): Promise<OutboxRow[]> {
    await em.query(`SET LOCAL idle_in_transaction_session_timeout = '15s'`);
    return em.query(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE sent_at IS NULL
       ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** Rows not yet relayed, and the age in seconds of the oldest of them (0 when none): the relay's lag. */
  async lag(em: EntityManager): Promise<{ pending: number; oldestSeconds: number }> {
    const [r]: { pending: string; oldest: number | null }[] = await em.query(
      `SELECT count(*) AS pending, extract(epoch FROM clock_timestamp() - min(created_at))::float8 AS oldest
       FROM outbox WHERE sent_at IS NULL`,
    );
    return { pending: Number(r.pending), oldestSeconds: r.oldest ?? 0 };
  }

  async markSent(em: EntityManager, ids: readonly string[]): Promise<void> {
    await em.query(`UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }
}
