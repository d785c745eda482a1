import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API process's Prometheus registry: Node's default metrics, the HTTP latency histogram (filled by a
 * fastify hook for every request, the public cache's answers included) and the gauges MetricsService sets
 * at each scrape. One registry per application instance (tests start several in one process).
 */
export class ApiMetrics {
  readonly registry = new Registry();

  readonly http = new Histogram({
    name: 'tfg_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern (not the raw URL) and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'tfg_queue_jobs',
    help: 'Jobs in each BullMQ queue by state (read from Redis at scrape time)',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Gauge({
    name: 'tfg_queue_job_duration_seconds',
    help: 'Processing time of the last completed jobs of each queue (up to 200), as quantiles',
    labelNames: ['queue', 'quantile'] as const,
    registers: [this.registry],
  });

  readonly jobsSampled = new Gauge({
    name: 'tfg_queue_job_duration_samples',
    help: 'How many completed jobs the duration quantiles of each queue were computed from',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly outboxPending = new Gauge({
    name: 'tfg_outbox_pending',
    help: 'Outbox rows not yet relayed to the queues',
    registers: [this.registry],
  });

  readonly outboxLag = new Gauge({
    name: 'tfg_outbox_lag_seconds',
    help: 'Age of the oldest outbox row not yet relayed (0 when none)',
    registers: [this.registry],
  });

  readonly dbPool = new Gauge({
    name: 'tfg_db_pool_connections',
    help: "This API process's PostgreSQL pool: total, idle and in-use connections, and waiting requests",
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly dbPoolMax = new Gauge({
    name: 'tfg_db_pool_max',
    help: "The size limit of this API process's PostgreSQL pool",
    registers: [this.registry],
  });

  readonly fundAvailable = new Gauge({
    name: 'tfg_fund_available_minor',
    help: "Each fund's available balance in minor units of its currency, from its latest balance snapshot",
    labelNames: ['fund', 'fund_id', 'currency'] as const,
    registers: [this.registry],
  });

  readonly fundTarget = new Gauge({
    name: 'tfg_fund_target_minor',
    help: "Each fund's new-call target in minor units of its currency, from its latest balance snapshot",
    labelNames: ['fund', 'fund_id', 'currency'] as const,
    registers: [this.registry],
  });

  readonly fundSnapshotAge = new Gauge({
    name: 'tfg_fund_snapshot_age_seconds',
    help: "Age of each fund's latest balance snapshot (how current the two gauges above are)",
    labelNames: ['fund', 'fund_id'] as const,
    registers: [this.registry],
  });

  readonly publicCacheEntries = new Gauge({
    name: 'tfg_public_cache_entries',
    help: "Answers held in this process's public read cache",
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tfg_api_' });
  }

  /** Times every request by its route pattern (`/api/grants/:id`); unmatched URLs share one label. */
  observe(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.http.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
