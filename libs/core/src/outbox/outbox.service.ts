import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName } from '../queue/jobs';

/**
 * Adds a job to the outbox inside the caller's transaction. Nothing leaves the database until the
 * transaction commits; the relay then moves the row to BullMQ with the row's id as the job id.
 */
@Injectable()
export class OutboxService {
  async add(em: EntityManager, name: JobName, payload: Record<string, unknown>): Promise<string> {
    const { sql, params } = OutboxService.insert(name, payload);
    const rows: { id: string }[] = await em.query(`${sql} RETURNING id`, params);
    return rows[0].id;
  }

  /** The outbox INSERT as SQL text and parameters numbered from `$first`, to be combined in one statement. */
  static insert(
    name: JobName,
    payload: Record<string, unknown>,
    first = 1,
  ): { sql: string; params: unknown[] } {
    return {
      sql: `INSERT INTO outbox (name, payload) VALUES ($${first}, $${first + 1})`,
      params: [name, JSON.stringify(payload)],
    };
  }
}
