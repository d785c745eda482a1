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

  readonly queueDepth = this.gauge(
    'tfg_queue_jobs',
    'Jobs in each BullMQ queue by state (read from Redis at scrape time)',
    ['queue', 'state'],
  );

  readonly jobDuration = this.gauge(
    'tfg_queue_job_duration_seconds',
    'Processing time of the last completed jobs of each queue (up to 200), as quantiles',
    ['queue', 'quantile'],
  );

  readonly jobsSampled = this.gauge(
    'tfg_queue_job_duration_samples',
    'How many completed jobs the duration quantiles of each queue were computed from',
    ['queue'],
  );

  readonly outboxPending = this.gauge('tfg_outbox_pending', 'Outbox rows not yet relayed to the queues');

  readonly outboxLag = this.gauge(
    'tfg_outbox_lag_seconds',
    'Age of the oldest outbox row not yet relayed (0 when none)',
  );

  readonly dbPool = this.gauge(
    'tfg_db_pool_connections',
    "This API process's PostgreSQL pool: total, idle and in-use connections, and waiting requests",
    ['state'],
  );

  readonly dbPoolMax = this.gauge('tfg_db_pool_max', "The size limit of this API process's PostgreSQL pool");

  readonly fundAvailable = this.gauge(
    'tfg_fund_available_minor',
    "Each fund's available balance in minor units of its currency, from its latest balance snapshot",
    ['fund', 'fund_id', 'currency'],
  );

  readonly fundTarget = this.gauge(
    'tfg_fund_target_minor',
    "Each fund's new-call target in minor units of its currency, from its latest balance snapshot",
    ['fund', 'fund_id', 'currency'],
  );

  readonly fundSnapshotAge = this.gauge(
    'tfg_fund_snapshot_age_seconds',
    "Age of each fund's latest balance snapshot (how current the two gauges above are)",
    ['fund', 'fund_id'],
  );

  readonly publicCacheEntries = this.gauge(
    'tfg_public_cache_entries',
    "Answers held in this process's public read cache",
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tfg_api_' });
  }

  /** A gauge in this registry; `labelNames` as a const tuple types its labels. */
  private gauge<L extends string = string>(name: string, help: string, labelNames?: readonly L[]): Gauge<L> {
    return new Gauge<L>({ name, help, ...(labelNames && { labelNames }), registers: [this.registry] });
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
