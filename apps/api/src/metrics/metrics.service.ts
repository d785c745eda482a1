import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import ipaddr from 'ipaddr.js';
import { timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import { APP_CONFIG, ForbiddenError, OutboxService, QUEUES } from '@app/core';
import { SnapshotsService } from '@app/funds';
import { publicCacheOf } from '../http/public-cache';
import { ApiMetrics } from './metrics.registry';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;
const DURATION_SAMPLE = 200;
const QUANTILES = [0.5, 0.9, 0.99];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * What GET /api/metrics shows, gathered at scrape time: queue depths and recent job durations read from
 * Redis (BullMQ keeps completed jobs a day), the outbox lag, this process's pool, and every fund's latest
 * balance snapshot. Who may read it: an address in METRICS_ALLOW, or the bearer of METRICS_TOKEN.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger(MetricsService.name);
  private readonly allow: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly snapshots: SnapshotsService,
    private readonly moduleRef: ModuleRef,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allow = config.metricsAllow.map((entry) =>
      entry.includes('/') ? ipaddr.parseCIDR(entry) : cidrOf(entry),
    );
  }

  /** 403 (problem+json) unless the address is allowed or the bearer token is the operators' one. */
  assertAllowed(address: string | undefined, authorization: string | undefined): void {
    if (this.tokenMatches(authorization)) return;
    if (address && ipaddr.isValid(address)) {
      const ip = ipaddr.process(address);
      if (this.allow.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return;
    }
    throw new ForbiddenError('Metrics are for the operators: from an allowed address or with their token');
  }

  private tokenMatches(authorization: string | undefined): boolean {
    const expected = this.config.metricsToken;
    const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!expected || !match) return false;
    const a = Buffer.from(match[1]);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async text(): Promise<{ contentType: string; body: string }> {
    await Promise.all([this.queues(), this.outboxLag(), this.funds()]);
    this.pool();
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    this.metrics.publicCacheEntries.set(publicCacheOf(fastify)?.size ?? 0);
    return { contentType: this.metrics.registry.contentType, body: await this.metrics.registry.metrics() };
  }

  private async queues(): Promise<void> {
    this.metrics.queueDepth.reset();
    this.metrics.jobDuration.reset();
    this.metrics.jobsSampled.reset();
    await Promise.all(
      QUEUES.map(async (name) => {
        try {
          const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES)
            this.metrics.queueDepth.set({ queue: name, state }, counts[state] ?? 0);
          const jobs = await queue.getJobs(['completed'], 0, DURATION_SAMPLE - 1, false);
          const seconds = jobs
            .filter((j) => j?.processedOn && j.finishedOn)
            .map((j) => (j.finishedOn! - j.processedOn!) / 1000)
            .sort((x, y) => x - y);
          this.metrics.jobsSampled.set({ queue: name }, seconds.length);
          if (seconds.length === 0) return;
          for (const q of QUANTILES)
            this.metrics.jobDuration.set({ queue: name, quantile: String(q) }, quantile(seconds, q));
        } catch (error) {
          this.logger.warn(`metrics: queue ${name} unreadable: ${(error as Error).message}`);
        }
      }),
    );
  }

  private async outboxLag(): Promise<void> {
    const { pending, oldestSeconds } = await this.outbox.lag(this.dataSource.manager);
    this.metrics.outboxPending.set(pending);
    this.metrics.outboxLag.set(oldestSeconds);
  }

  private pool(): void {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return;
    this.metrics.dbPool.set({ state: 'total' }, pool.totalCount);
    this.metrics.dbPool.set({ state: 'idle' }, pool.idleCount);
    this.metrics.dbPool.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
    this.metrics.dbPool.set({ state: 'waiting' }, pool.waitingCount);
    this.metrics.dbPoolMax.set(pool.options.max ?? 10);
  }

  private async funds(): Promise<void> {
    const latest = await this.snapshots.latestPerFund();
    this.metrics.fundAvailable.reset();
    this.metrics.fundTarget.reset();
    this.metrics.fundSnapshotAge.reset();
    const now = Date.now();
    for (const f of latest) {
      const labels = { fund: f.code, fund_id: f.fundId, currency: f.currency };
      this.metrics.fundAvailable.set(labels, f.available);
      this.metrics.fundTarget.set(labels, f.target);
      this.metrics.fundSnapshotAge.set({ fund: f.code, fund_id: f.fundId }, (now - f.at.getTime()) / 1000);
    }
  }
}

function cidrOf(address: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const ip = ipaddr.process(address);
  return [ip, ip.kind() === 'ipv4' ? 32 : 128];
}
