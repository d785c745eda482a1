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

async function apiRun(token: string, body: object): Promise<{ rps: number; p99: number; errors: number }> {
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
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

/** ContributionsService.receive's transaction, statement for statement, without the framework around it. */
async function rawRun(
  fundId: string,
  donorId: string,
): Promise<{ rps: number; p99: number; errors: number }> {
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
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / DURATION,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors,
  };
}

async function main(): Promise<void> {
  await freshDatabase();
  const api = await startServer('apps/api/src/main.ts', apiEnv(PORT), PORT);
  let apiResult;
  let fundId: string;
  let donorId: string;
  try {
    const admin = await login(BASE, ADMIN.email, ADMIN.password);
    const fund = await post(BASE, '/api/funds', admin, { code: 'BENCH', name: 'Bench fund' });
    fundId = fund.id;
    await post(BASE, '/api/users', admin, {
      email: 'finance@bench.example.org',
      password: 'bench-finance-password',
      name: 'Bench finance',
      roles: ['finance'],
    });
    const finance = await login(BASE, 'finance@bench.example.org', 'bench-finance-password');
    donorId = (await post(BASE, '/api/donors', finance, { name: 'Bench donor', type: 'private' })).id;
    const body = { donorId, fundId, amount: 100_00, currency: 'USD', receivedAt: new Date().toISOString() };
    await apiRun(finance, body); // warm-up (same length), not counted
    apiResult = await apiRun(finance, body);
  } finally {
    await stopServer(api);
  }
  await rawRun(fundId, donorId); // warm-up
  const raw = await rawRun(fundId, donorId);
  const ratio = apiResult.rps / raw.rps;
  const desc = await machine();
  const text =
    `Machine: ${desc}. ${CONNECTIONS} concurrent clients, ${DURATION} s each after a warm-up of the same length; ` +
    `every request a new contribution (new idempotency key) on the same fund row.\n\n` +
    table(
      ['path', 'requests/s', 'p99 latency (ms)', 'errors'],
      [
        [
          'POST /api/contributions (API)',
          apiResult.rps.toFixed(0),
          apiResult.p99.toFixed(1),
          apiResult.errors,
        ],
        ['same transaction, raw SQL over pg', raw.rps.toFixed(0), raw.p99.toFixed(1), raw.errors],
      ],
    ) +
    `\n\n**Ratio API / raw: ${ratio.toFixed(2)}** (goal >= 0.6: ${ratio >= 0.6 ? 'met' : 'missed'}).`;
  console.log(text);
  writeSection('Contribution write path (bench/contributions.bench.ts)', text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
