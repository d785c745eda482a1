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
    const rows: { id: string }[] = await em.query(
      `INSERT INTO outbox (name, payload) VALUES ($1, $2) RETURNING id`,
      [name, JSON.stringify(payload)],
    );
    return rows[0].id;
  }
}
