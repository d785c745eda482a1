import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { HousekeepingRepository, PURGE_BATCH } from './housekeeping.repository';

/** How long a retried request can still find its first answer (docs/api.md: idempotency). */
export const IDEMPOTENCY_KEY_DAYS = 7;
/** How long a relayed outbox row is kept for tracing a job back to its transaction. */
export const RELAYED_OUTBOX_DAYS = 30;

const DAY_MS = 86_400_000;

export interface PurgeResult {
  idempotencyKeys: number;
  outbox: number;
}

/**
 * The nightly purge (the `housekeeping.purge` job): idempotency keys older than 7 days and outbox rows
 * relayed more than 30 days ago, by the injectable clock, in batches of PURGE_BATCH rows each in its own
 * short transaction. Running it twice changes nothing more.
 */
@Injectable()
export class HousekeepingService {
  private readonly logger = new Logger(HousekeepingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: HousekeepingRepository,
    private readonly clock: Clock,
  ) {}

  async purge(): Promise<PurgeResult> {
    const now = this.clock.now().getTime();
    const idempotencyKeys = await this.drain((em) =>
      this.repo.deleteIdempotencyKeys(em, new Date(now - IDEMPOTENCY_KEY_DAYS * DAY_MS)),
    );
    const outbox = await this.drain((em) =>
      this.repo.deleteRelayedOutbox(em, new Date(now - RELAYED_OUTBOX_DAYS * DAY_MS)),
    );
    this.logger.log(`purged ${idempotencyKeys} idempotency keys and ${outbox} relayed outbox rows`);
    return { idempotencyKeys, outbox };
  }

  private async drain(batch: (em: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(batch);
      total += n;
      if (n < PURGE_BATCH) return total;
    }
  }
}
