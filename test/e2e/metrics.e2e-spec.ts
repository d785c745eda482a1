import { INestApplicationContext } from '@nestjs/common';
import { Api, startApi, startWorker, waitFor } from '../setup/harness';
import { contribute, createDonor, createFund, staffTokens } from '../factories/money';

const TOKEN = 'operator-metrics-token-0123456789';

/** The value of one sample of the text format: `name{labels} value`, the labels matched as given. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

/**
 * Issue 20: GET /api/metrics for Prometheus. Its text format holds the HTTP latency by route pattern and
 * status, queue depth and job durations by queue, outbox lag, the database pool and each fund's available
 * balance and target; a caller neither from an allowed address nor with the operators' token is refused.
 */
describe('metrics for the operators', () => {
  let api: Api;
  let guarded: Api;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startApi(); // METRICS_ALLOW defaults to loopback: the tests' own address
    const saved = { allow: process.env.METRICS_ALLOW, token: process.env.METRICS_TOKEN };
    process.env.METRICS_ALLOW = '192.0.2.0/24';
    process.env.METRICS_TOKEN = TOKEN;
    try {
      guarded = await startApi();
    } finally {
      if (saved.allow === undefined) delete process.env.METRICS_ALLOW;
      else process.env.METRICS_ALLOW = saved.allow;
      if (saved.token === undefined) delete process.env.METRICS_TOKEN;
      else process.env.METRICS_TOKEN = saved.token;
    }
    worker = await startWorker();
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await Promise.all([api?.close(), guarded?.close()]);
  });

  it('shows latency by route pattern, queues, outbox, pool and every fund against its target', async () => {
    const { admin, finance } = await staffTokens(api);
    const fund = await createFund(api, admin, { newCallTarget: 50_000_000 });
    const donor = await createDonor(api, finance);
    expect(
      (await contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount: 1_234_500 })).status,
    ).toBe(201);
    // the balance job (outbox -> funds queue -> worker) writes the fund's snapshot
    await waitFor(
      async () =>
        (await api.db.query(`SELECT 1 FROM fund_balance_snapshots WHERE fund_id = $1`, [fund.id])).length,
      (n) => n > 0,
      20_000,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await api.http().get(`/api/calls/${missing}`)).status).toBe(404);

    const res = await api.http().get('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    for (const name of [
      'tfg_http_request_duration_seconds',
      'tfg_queue_jobs',
      'tfg_queue_job_duration_seconds',
      'tfg_outbox_pending',
      'tfg_outbox_lag_seconds',
      'tfg_db_pool_connections',
      'tfg_fund_available_minor',
      'tfg_fund_target_minor',
      'tfg_api_process_cpu_seconds_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    // by the route's pattern, never the raw URL (an id per series would explode the series count)
    expect(
      sample(text, 'tfg_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/calls/:id',
        status_code: '404',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'tfg_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/contributions',
        status_code: '201',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(missing);
    expect(sample(text, 'tfg_queue_jobs', { queue: 'funds', state: 'waiting' })).not.toBeNull();
    expect(
      sample(text, 'tfg_queue_job_duration_seconds', { queue: 'funds', quantile: '0.5' }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'tfg_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(sample(text, 'tfg_fund_available_minor', { fund: fund.code, currency: 'USD' })).toBe(1_234_500);
    expect(sample(text, 'tfg_fund_target_minor', { fund: fund.code })).toBe(50_000_000);
  });

  it('refuses a caller from an address not allowed, without the token or with a wrong one (403 problem+json)', async () => {
    const refused = await guarded.http().get('/api/metrics');
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.type).toBe('/problems/forbidden');
    expect(refused.text).not.toContain('tfg_');
    const wrong = await guarded.http().get('/api/metrics').set('authorization', `Bearer ${TOKEN}x`);
    expect(wrong.status).toBe(403);
    const ok = await guarded.http().get('/api/metrics').set('authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE tfg_fund_available_minor gauge');
  });
});
