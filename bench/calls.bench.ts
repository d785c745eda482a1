/**
 * A public read: GET /api/calls?status=open through the API against a minimal fastify + `pg` server running
 * the same query, each in its own process, both driven by autocannon in one run. The API answers anonymous
 * public reads from its versioned in-memory cache (ADR 0014): goal API / minimal >= 1.5.
 */
import autocannon from 'autocannon';
import {
  ADMIN,
  cpuMs,
  median,
  ROUNDS,
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
const GOAL = 1.5;

interface Run {
  rps: number;
  p99: number;
  errors: number;
  cpuPerRequest: number | null;
}

async function drive(port: number, pid: number | undefined): Promise<Run> {
  const cpu0 = cpuMs(pid);
  const r = await autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const cpu1 = cpuMs(pid);
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors,
    cpuPerRequest: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / r.requests.total,
  };
}

function summary(runs: Run[]): Run {
  const cpu = runs.map((r) => r.cpuPerRequest).filter((c): c is number => c !== null);
  return {
    rps: median(runs.map((r) => r.rps)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    cpuPerRequest: cpu.length ? median(cpu) : null,
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
  const minimal = await startServer(
    'bench/lib/minimal-calls-server.ts',
    { ...process.env, DATABASE_URL: BENCH_DATABASE_URL, PORT: String(MINIMAL_PORT), NODE_ENV: 'production' },
    MINIMAL_PORT,
  );
  const apiRuns: Run[] = [];
  const minimalRuns: Run[] = [];
  try {
    await seedCalls(`http://127.0.0.1:${API_PORT}`);
    await drive(API_PORT, api.pid); // warm-ups, not counted
    await drive(MINIMAL_PORT, minimal.pid);
    // Alternating rounds, so that a noisy neighbour on the machine weighs on both sides alike.
    for (let i = 0; i < ROUNDS; i++) {
      apiRuns.push(await drive(API_PORT, api.pid));
      minimalRuns.push(await drive(MINIMAL_PORT, minimal.pid));
    }
  } finally {
    await stopServer(api);
    await stopServer(minimal);
  }
  const a = summary(apiRuns);
  const m = summary(minimalRuns);
  const ratio = a.rps / m.rps;
  const cpu = (r: Run) => (r.cpuPerRequest === null ? 'n/a' : r.cpuPerRequest.toFixed(2));
  const text =
    `Machine: ${await machine()}. autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ` +
    `${DURATION} s per server after a warm-up (medians shown); anonymous caller; 12 open calls among 30; ` +
    `each server idle while the other is driven. CPU/request is the server process's user + system time ` +
    `divided by the requests served: it depends less than requests/s on other load on the machine. The API ` +
    `serves the list from its versioned cache (ADR 0014; a change to any call drops it in every process); ` +
    `the minimal server runs the query every time.\n\n` +
    table(
      ['server', 'requests/s', 'p99 latency (ms)', 'server CPU ms/request', 'errors'],
      [
        ['API (NestJS, fastify, TypeORM; versioned cache)', a.rps.toFixed(0), a.p99, cpu(a), a.errors],
        ['minimal fastify + pg', m.rps.toFixed(0), m.p99, cpu(m), m.errors],
      ],
    ) +
    `\n\n**Ratio API / minimal: ${ratio.toFixed(2)}** (goal >= ${GOAL}: ${ratio >= GOAL ? 'met' : 'missed'}); ` +
    `rounds: API ${apiRuns.map((r) => r.rps.toFixed(0)).join(', ')}; minimal ${minimalRuns.map((r) => r.rps.toFixed(0)).join(', ')} requests/s.`;
  console.log(text);
  writeSection('GET /api/calls?status=open (bench/calls.bench.ts)', text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
