import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { COALESCE_BY, JobName, queueOf } from '../queue/jobs';
import { OutboxRepository, OutboxRow } from './outbox.repository';

export type { OutboxRow } from './outbox.repository';

export type QueueLookup = (queueName: string) => Queue;

/** The rows to hand over as jobs: all, except that coalescible events keep only their last row per key. */
export function coalesce(rows: readonly OutboxRow[]): OutboxRow[] {
  const last = new Map<string, number>();
  rows.forEach((row, i) => {
    const field = COALESCE_BY[row.name as JobName];
    if (field && row.payload[field] !== undefined) last.set(`${row.name}|${String(row.payload[field])}`, i);
  });
  return rows.filter((row, i) => {
    const field = COALESCE_BY[row.name as JobName];
    return (
      !field ||
      row.payload[field] === undefined ||
      last.get(`${row.name}|${String(row.payload[field])}`) === i
    );
  });
}

/** How long one hand-over to Redis may take before the batch is given up and retried later. */
const REDIS_TIMEOUT_MS = 3000;
const BATCH = 500;
const POLL_MS = 1000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows to BullMQ, job id = outbox id, then marks them sent. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so several relays can run side by side. If Redis is down, the batch's
 * transaction rolls back and the rows wait for the next pass; BullMQ ignores a second add with the same
 * job id, so a crash between the add and the mark cannot run a job twice. It wakes on a PostgreSQL
 * NOTIFY from the outbox trigger and polls once a second as a fallback. Only the worker provides it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly queues: QueueLookup = (name) =>
    this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });

  /** Relays until the outbox is empty (or Redis fails); returns how many rows were sent. */
  async drain(queues: QueueLookup = this.queues): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch(queues);
      total += sent;
      if (sent < BATCH) return total;
    }
  }

  async relayBatch(queues: QueueLookup = this.queues): Promise<number> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const rows = await this.outbox.claimUnsent(em, BATCH);
        if (rows.length === 0) return 0;
        const byQueue = new Map<string, OutboxRow[]>();
        for (const row of coalesce(rows)) {
          const q = queueOf(row.name);
          byQueue.set(q, [...(byQueue.get(q) ?? []), row]);
        }
        for (const [queueName, batch] of byQueue) {
          const queue = queues(queueName);
          await withTimeout(
            queue.addBulk(batch.map((r) => ({ name: r.name, data: r.payload, opts: { jobId: r.id } }))),
            REDIS_TIMEOUT_MS,
            `adding ${batch.length} jobs to ${queueName}`,
          );
        }
        await this.outbox.markSent(
          em,
          rows.map((r) => r.id),
        );
        return rows.length;
      });
    } catch (error) {
      this.logger.warn(`outbox relay pass failed, will retry: ${(error as Error).message}`);
      return 0;
    }
  }

  /** Asks for a pass soon; passes never overlap within one process. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        // batch by batch, so a stop waits for one batch at most
        while (!this.stopped && (await this.relayBatch()) === BATCH);
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    try {
      this.listener = new Client({ connectionString: this.config.databaseUrl });
      this.listener.on('notification', () => this.kick());
      this.listener.on('error', (e) => this.logger.warn(`outbox listener: ${e.message}`));
      await this.listener.connect();
      await this.listener.query('LISTEN outbox');
    } catch (error) {
      this.logger.warn(`outbox LISTEN unavailable, polling only: ${(error as Error).message}`);
    }
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  /** Stops before the queues and the database close (they close in onApplicationShutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}
