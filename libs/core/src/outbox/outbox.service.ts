import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayload } from '../queue/jobs';
import { outboxInsert, OutboxRepository } from './outbox.repository';

/**
 * Adds a job to the outbox inside the caller's transaction. Nothing leaves the database until the
 * transaction commits; the relay then moves the row to BullMQ with the row's id as the job id.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  /** The payload is checked against the job's name (JobPayloads). */
  async add<N extends JobName>(em: EntityManager, name: N, payload: JobPayload<N>): Promise<string> {
    return this.outbox.insert(em, name, payload);
  }

  /** Rows waiting for the relay and the age of the oldest (seconds): the operators' outbox lag. */
  lag(em: EntityManager): Promise<{ pending: number; oldestSeconds: number }> {
    return this.outbox.lag(em);
  }

  /** The outbox INSERT as SQL text and parameters numbered from `$first`, to be combined in one statement. */
  static insert<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    first = 1,
  ): { sql: string; params: unknown[] } {
    return outboxInsert(name, payload, first);
  }
}
