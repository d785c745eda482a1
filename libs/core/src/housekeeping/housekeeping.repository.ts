import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Rows deleted per statement, so a large backlog never holds long locks or one huge transaction. */
export const PURGE_BATCH = 5_000;

interface DeletedRow {
  deleted: number;
}

/** The deletes of the periodic purge; each removes at most PURGE_BATCH rows and says how many. */
@Injectable()
export class HousekeepingRepository {
  /** Idempotency keys claimed before `before` (completed or abandoned in flight). */
  async deleteIdempotencyKeys(em: EntityManager, before: Date): Promise<number> {
    const [row]: DeletedRow[] = await em.query(
      `WITH gone AS (
         DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM idempotency_keys WHERE claimed_at < $1 LIMIT $2))
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [before, PURGE_BATCH],
    );
    return row.deleted;
  }

  /** Outbox rows relayed before `before`; rows not relayed yet are never deleted. */
  async deleteRelayedOutbox(em: EntityManager, before: Date): Promise<number> {
    const [row]: DeletedRow[] = await em.query(
      `WITH gone AS (
         DELETE FROM outbox WHERE id = ANY(ARRAY(
           SELECT id FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1 LIMIT $2))
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [before, PURGE_BATCH],
    );
    return row.deleted;
  }
}
