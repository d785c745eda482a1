/**
 * The contribution write path: POST /api/contributions through the whole API (auth, validation,
 * idempotency, ledger, audit, outbox) against the same ledger transaction in raw SQL over `pg`, on the same
 * fund row, in one run. Goal: API / raw >= 0.6.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Postings } from '@app/funds';
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

const PORT = 3811;
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 10;

interface Run {
  rps: number;
  p99: number;
  errors: number;
  cpuPerRequest: number | null;
}

async function apiRun(token: string, body: object, pid: number | undefined): Promise<Run> {
  const cpu0 = cpuMs(pid);
  const result = await autocannon({
    url: `${BASE}/api/contributions`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(body),
        }),
      },
    ],
  });
  const cpu1 = cpuMs(pid);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    cpuPerRequest: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / result.requests.total,
  };
}

/** ContributionsService.receive's transaction, statement for statement, without the framework around it. */
async function rawRun(fundId: string, donorId: string): Promise<Run> {
  const cpu0 = process.cpuUsage();
  const pool = new Pool({ connectionString: BENCH_DATABASE_URL, max: CONNECTIONS });
  const [{ code }] = (await pool.query(`SELECT code FROM funds WHERE id = $1`, [fundId])).rows;
  const lines = Postings.contribution(100_00);
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + DURATION * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SELECT currency FROM funds WHERE id = $1`, [fundId]);
        await c.query(`SELECT id FROM donors WHERE id = $1`, [donorId]);
        const now = new Date();
        const year = now.getUTCFullYear();
        const seq = (
          await c.query(
            `INSERT INTO receipt_counters (fund_id, year, last_number) VALUES ($1, $2, 1)
             ON CONFLICT (fund_id, year) DO UPDATE SET last_number = receipt_counters.last_number + 1
             RETURNING last_number`,
            [fundId, year],
          )
        ).rows[0].last_number as number;
        const receipt = `${code}-${year}-${String(seq).padStart(4, '0')}`;
        const contribution = (
          await c.query(
            `INSERT INTO contributions (donor_id, fund_id, pledge_id, amount, currency, usd_rate, usd_amount, received_at,
               receipt_year, receipt_seq, receipt_number, created_by)
             VALUES ($1, $2, NULL, $3, 'USD', NULL, $3, $4, $5, $6, $7, NULL) RETURNING id`,
            [donorId, fundId, 100_00, now, year, seq, receipt],
          )
        ).rows[0].id as string;
        const available = Number(
          (await c.query(`SELECT available FROM fund_balances WHERE fund_id = $1 FOR UPDATE`, [fundId]))
            .rows[0].available,
        );
        const posting = (
          await c.query(
            `INSERT INTO ledger_postings (fund_id, kind, source_type, source_id, description, effective_at, created_by)
             VALUES ($1, 'contribution', 'contribution', $2, $3, $4, NULL) RETURNING id`,
            [fundId, contribution, `Contribution ${receipt}`, now],
          )
        ).rows[0].id as string;
        await c.query(
          `INSERT INTO ledger_entries (posting_id, fund_id, account, amount, effective_at)
           SELECT $1, $2, a, m, $3 FROM unnest($4::text[], $5::bigint[]) AS t(a, m)`,
          [posting, fundId, now, lines.map((l) => l.account), lines.map((l) => l.amount)],
        );
        await c.query(
          `UPDATE ledger_balances b SET balance = b.balance + m.delta
           FROM unnest($2::text[], $3::bigint[]) AS m(account, delta)
           WHERE b.fund_id = $1 AND b.account = m.account`,
          [fundId, lines.map((l) => l.account), lines.map((l) => l.amount)],
        );
        await c.query(`UPDATE fund_balances SET available = $2, updated_at = now() WHERE fund_id = $1`, [
          fundId,
          available + 100_00,
        ]);
        await c.query(`INSERT INTO outbox (name, payload) VALUES ($1, $2)`, [
          'funds.balance-changed',
          JSON.stringify({ fundId, postingId: posting }),
        ]);
        await c.query('COMMIT');
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
        await c.query('ROLLBACK').catch(() => undefined);
      } finally {
        c.release();
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await pool.end();
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  return {
    cpuPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(latencies.length, 1),
    rps: latencies.length / DURATION,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors,
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

async function main(): Promise<void> {
  await freshDatabase();
  const api = await startServer('apps/api/src/main.ts', apiEnv(PORT), PORT);
  const apiRuns: Run[] = [];
  const rawRuns: Run[] = [];
  try {
    const admin = await login(BASE, ADMIN.email, ADMIN.password);
    const fund = await post(BASE, '/api/funds', admin, { code: 'BENCH', name: 'Bench fund' });
    await post(BASE, '/api/users', admin, {
      email: 'finance@bench.example.org',
      password: 'bench-finance-password',
      name: 'Bench finance',
      roles: ['finance'],
    });
    const finance = await login(BASE, 'finance@bench.example.org', 'bench-finance-password');
    const donorId = (await post(BASE, '/api/donors', finance, { name: 'Bench donor', type: 'private' })).id;
    const body = {
      donorId,
      fundId: fund.id,
      amount: 100_00,
      currency: 'USD',
      receivedAt: new Date().toISOString(),
    };
    await apiRun(finance, body, api.pid); // warm-ups, not counted
    await rawRun(fund.id, donorId);
    // Alternating rounds (the API process idles during the raw ones), so other load weighs on both alike.
    for (let i = 0; i < ROUNDS; i++) {
      apiRuns.push(await apiRun(finance, body, api.pid));
      rawRuns.push(await rawRun(fund.id, donorId));
    }
  } finally {
    await stopServer(api);
  }
  const a = summary(apiRuns);
  const r = summary(rawRuns);
  const ratio = a.rps / r.rps;
  const cpu = (x: Run) => (x.cpuPerRequest === null ? 'n/a' : x.cpuPerRequest.toFixed(2));
  const text =
    `Machine: ${await machine()}. ${CONNECTIONS} concurrent clients (pool of ${CONNECTIONS} for raw SQL), ` +
    `${ROUNDS} alternating rounds of ${DURATION} s after a warm-up (medians shown); every request a new ` +
    `contribution (new idempotency key) on the same fund row. CPU/request: the API process's, or the raw ` +
    `client's, user + system time per transaction (PostgreSQL's own time is in neither).\n\n` +
    table(
      ['path', 'requests/s', 'p99 latency (ms)', 'client CPU ms/request', 'errors'],
      [
        ['POST /api/contributions (API)', a.rps.toFixed(0), a.p99.toFixed(1), cpu(a), a.errors],
        ['same transaction, raw SQL over pg', r.rps.toFixed(0), r.p99.toFixed(1), cpu(r), r.errors],
      ],
    ) +
    `\n\n**Ratio API / raw: ${ratio.toFixed(2)}** (goal >= 0.6: ${ratio >= 0.6 ? 'met' : 'missed'}); ` +
    `rounds: API ${apiRuns.map((x) => x.rps.toFixed(0)).join(', ')}; raw ${rawRuns.map((x) => x.rps.toFixed(0)).join(', ')} requests/s.`;
  console.log(text);
  writeSection('Contribution write path (bench/contributions.bench.ts)', text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
