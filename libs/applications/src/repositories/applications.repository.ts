import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ApplicationStatus } from './domain/application-rules';

/** The statuses that still wait for screening or a decision: a call is not decided while one is left. */
export const WAITING_STATUSES: readonly ApplicationStatus[] = ['submitted', 'eligible'];

interface WaitingRow {
  waiting: number;
}

/** SQL of the applications context that the services share. */
@Injectable()
export class ApplicationsRepository {
  /** How many applications of the call still wait for screening or a decision. */
  async countWaiting(em: EntityManager, callId: string): Promise<number> {
    const [row]: WaitingRow[] = await em.query(
      `SELECT count(*)::int AS waiting FROM applications WHERE call_id = $1 AND status = ANY($2::text[])`,
      [callId, WAITING_STATUSES],
    );
    return row.waiting;
  }
}
