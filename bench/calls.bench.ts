/**
 * A public read: GET /api/calls?status=open through the API against a minimal fastify + `pg` server running
 * the same query, each in its own process, both driven by autocannon in one run. Goal: API / minimal >= 0.8.
 */
import autocannon from 'autocannon';
import {
  ADMIN,
  apiEnv,
  BENCH_DATABASE_URL,
  freshDatabase,
  login,
  machine,
  post,
  startServer,
  stopServer,
  table,
  writeSection,
} from './lib/env';

const API_PORT = 3821;
const MINIMAL_PORT = 3822;
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 20;
const PATH = '/api/calls?status=open';

async function drive(port: number): Promise<{ rps: number; p99: number; errors: number; bytes: number }> {
  const run = () =>
    autocannon({ url: `http://127.0.0.1:${port}${PATH}`, connections: CONNECTIONS, duration: DURATION });
  await run(); // warm-up, not counted
  const r = await run();
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors,
    bytes: r.throughput.average,
  };
}

/** 30 calls: 12 open, the rest published, drafts or closed (created through the API). */
async function seedCalls(base: string): Promise<void> {
  const admin = await login(base, ADMIN.email, ADMIN.password);
  const fund = await post(base, '/api/funds', admin, { code: 'BENCHCALLS', name: 'Bench fund' });
  await post(base, '/api/users', admin, {
    email: 'fm@bench.example.org',
    password: 'bench-fm-password',
    name: 'Bench fund manager',
    roles: ['fund_manager'],
  });
  const fm = await login(base, 'fm@bench.example.org', 'bench-fm-password');
  for (let i = 0; i < 30; i++) {
    const call = await post(base, '/api/calls', fm, {
      fundId: fund.id,
      title: `Bench call ${i + 1}`,
      description: 'Direct assistance to victims of trafficking in persons',
      themes: ['shelter', 'legal_aid', 'psychological_support'],
      eligibleCountries: ['NG', 'KE', 'PH', 'NP', 'MD'],
      minAward: 2_000_000,
      maxAward: 8_000_000,
      envelope: 50_000_000,
      deadline: new Date(Date.now() + 90 * 86400_000).toISOString(),
      rubric: [
        { key: 'relevance', label: 'Relevance', weight: 40, maxScore: 10 },
        { key: 'capacity', label: 'Capacity', weight: 30, maxScore: 5 },
        { key: 'value', label: 'Value for money', weight: 30, maxScore: 5 },
      ],
    });
    const steps =
      i < 12 ? ['publish', 'open'] : i < 20 ? ['publish'] : i < 25 ? [] : ['publish', 'open', 'close'];
    for (const step of steps) await post(base, `/api/calls/${call.id}/${step}`, fm, {});
  }
}

async function main(): Promise<void> {
  await freshDatabase();
  const api = await startServer('apps/api/src/main.ts', apiEnv(API_PORT), API_PORT);
  let apiResult;
  try {
    await seedCalls(`http://127.0.0.1:${API_PORT}`);
    apiResult = await drive(API_PORT);
  } finally {
    await stopServer(api);
  }
  const minimal = await startServer(
    'bench/lib/minimal-calls-server.ts',
    { ...process.env, DATABASE_URL: BENCH_DATABASE_URL, PORT: String(MINIMAL_PORT), NODE_ENV: 'production' },
    MINIMAL_PORT,
  );
  let minimalResult;
  try {
    minimalResult = await drive(MINIMAL_PORT);
  } finally {
    await stopServer(minimal);
  }
  const ratio = apiResult.rps / minimalResult.rps;
  const text =
    `Machine: ${await machine()}. autocannon, ${CONNECTIONS} connections, ${DURATION} s each after a warm-up ` +
    `of the same length; anonymous caller; 12 open calls among 30; each server alone on the machine while driven.\n\n` +
    table(
      ['server', 'requests/s', 'p99 latency (ms)', 'errors', 'bytes/s'],
      [
        [
          'API (NestJS, fastify, TypeORM)',
          apiResult.rps.toFixed(0),
          apiResult.p99,
          apiResult.errors,
          apiResult.bytes.toFixed(0),
        ],
        [
          'minimal fastify + pg',
          minimalResult.rps.toFixed(0),
          minimalResult.p99,
          minimalResult.errors,
          minimalResult.bytes.toFixed(0),
        ],
      ],
    ) +
    `\n\n**Ratio API / minimal: ${ratio.toFixed(2)}** (goal >= 0.8: ${ratio >= 0.8 ? 'met' : 'missed'}).`;
  console.log(text);
  writeSection('GET /api/calls?status=open (bench/calls.bench.ts)', text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
