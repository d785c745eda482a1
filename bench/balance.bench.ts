import { writeSection } from './lib/env';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { BalanceService } from '@app/funds';

/**
 * Balance now and as of a date over 1,000 and 1,000,000 ledger entries (npm run bench:balance).
 *
 * The entries are loaded in bulk by SQL into a fresh database (`BENCH_DATABASE_URL`, default
 * tfg_bench_test), with every trigger in force: each posting is a balanced pair (a contribution, or a
 * fund-level cost every tenth posting) spread over 2010-2016, checked at commit by the deferred trigger;
 * then the account balance rows and the available row are set from the sums, as the ledger would have.
 * Times are measured through BalanceService, as the HTTP route calls it.
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tfg_bench_test';
const START = Date.UTC(2010, 0, 1);
const SPAN = Date.UTC(2017, 0, 1) - START;

async function freshDatabase(): Promise<DataSource> {
  const url = new globalThis.URL(URL);
  const name = url.pathname.slice(1);
  if (!/test/i.test(name)) throw new Error(`refusing database "${name}": its name lacks "test"`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const ds = new DataSource({ ...dataSourceOptions(URL), logging: false });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

async function fundWithEntries(ds: DataSource, code: string, entries: number): Promise<string> {
  const [{ id }]: { id: string }[] = await ds.query(
    `INSERT INTO funds (code, name, currency, new_call_target, psc_rate_bps) VALUES ($1, $1, 'USD', 50000000, 1300)
     RETURNING id`,
    [code],
  );
  await ds.query(
    `INSERT INTO ledger_balances (fund_id, account)
     SELECT $1, unnest(ARRAY['cash','contributions','returns','costs','grants','psc','commitments','psc_reserved','psc_charged'])`,
    [id],
  );
  await ds.query(`INSERT INTO fund_balances (fund_id) VALUES ($1)`, [id]);
  const postings = entries / 2;
  const batch = 100_000;
  for (let lo = 1; lo <= postings; lo += batch) {
    const hi = Math.min(postings, lo + batch - 1);
    await ds.transaction(async (em) => {
      await em.query(
        `WITH p AS (
           INSERT INTO ledger_postings (fund_id, kind, source_type, source_id, description, effective_at)
           SELECT $1::uuid, CASE WHEN g % 10 = 0 THEN 'cost' ELSE 'contribution' END, 'bench', $1::text || ':' || g, 'bench',
                  to_timestamp(($4::float8 + (g::float8 / $5) * $6) / 1000)
           FROM generate_series($2::int, $3::int) g
           RETURNING id, kind, effective_at, split_part(source_id, ':', 2)::int AS g)
         INSERT INTO ledger_entries (posting_id, fund_id, account, amount, effective_at)
         SELECT p.id, $1::uuid, x.account, x.amount, p.effective_at
         FROM p CROSS JOIN LATERAL (VALUES
           (CASE WHEN p.kind = 'cost' THEN 'costs' ELSE 'cash' END, CASE WHEN p.kind = 'cost' THEN 500 ELSE 10000 + (p.g % 1000) * 100 END::bigint),
           (CASE WHEN p.kind = 'cost' THEN 'cash' ELSE 'contributions' END, -CASE WHEN p.kind = 'cost' THEN 500 ELSE 10000 + (p.g % 1000) * 100 END::bigint)
         ) x(account, amount)`,
        [id, lo, hi, START, postings, SPAN],
      );
    });
  }
  await ds.query(
    `UPDATE ledger_balances b SET balance = s.total
     FROM (SELECT account, sum(amount) AS total FROM ledger_entries WHERE fund_id = $1 GROUP BY account) s
     WHERE b.fund_id = $1 AND b.account = s.account`,
    [id],
  );
  await ds.query(
    `UPDATE fund_balances SET available = -(SELECT coalesce(sum(balance), 0) FROM ledger_balances
       WHERE fund_id = $1 AND account IN ('contributions','returns','grants','psc','costs'))
     WHERE fund_id = $1`,
    [id],
  );
  return id;
}

interface Timing {
  p50: number;
  p99: number;
  max: number;
}

async function time(runs: number, probe: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 20; i++) await probe(i); // warm up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await probe(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: ms[ms.length - 1] };
}

/** A spread of dates to ask "as of": deterministic, over the whole span, at odd moments. */
const asOfDate = (i: number) => new Date(START + ((i * 7919 + 13) % 997) * (SPAN / 997) + 12_345);

describe('balance benchmark', () => {
  it('reads the balance now and as of a date over 1,000 and 1,000,000 entries', async () => {
    const began = Date.now();
    const ds = await freshDatabase();
    try {
      const balances = new BalanceService(ds);
      const small = await fundWithEntries(ds, 'BENCH-1K', 1_000);
      const loadStart = Date.now();
      const large = await fundWithEntries(ds, 'BENCH-1M', 1_000_000);
      const loadSeconds = (Date.now() - loadStart) / 1000;
      await ds.query(`VACUUM ANALYZE`);

      // The balance rows match the entries, and as-of at the end equals now.
      const [check] = await ds.query(
        `SELECT (SELECT count(*) FROM ledger_entries WHERE fund_id = $1)::int AS entries,
                (SELECT count(*) FROM ledger_balances b WHERE fund_id = $1 AND balance <>
                  coalesce((SELECT sum(amount) FROM ledger_entries e WHERE e.fund_id = $1 AND e.account = b.account), 0))::int AS drift`,
        [large],
      );
      expect(check).toEqual({ entries: 1_000_000, drift: 0 });
      const end = new Date(START + SPAN + 1000);
      const [n, a] = await Promise.all([balances.now(large, end), balances.asOf(large, end)]);
      expect({ ...a, asOf: '' }).toEqual({ ...n, asOf: '' });

      const runs = 500;
      const now1k = await time(runs, () => balances.now(small, new Date()));
      const now1m = await time(runs, () => balances.now(large, new Date()));
      const asOf1k = await time(100, (i) => balances.asOf(small, asOfDate(i)));
      const asOf1m = await time(100, (i) => balances.asOf(large, asOfDate(i)));
      const ratio = now1m.p99 / now1k.p99;
      const f = (x: number) => x.toFixed(2);
      const rows = [
        ['balance now, 1,000 entries', now1k, runs, '-'],
        [
          'balance now, 1,000,000 entries',
          now1m,
          runs,
          `p99 <= 10 ms and <= 1.5x the 1,000 figure: ratio ${ratio.toFixed(2)}`,
        ],
        ['balance as of a date, 1,000 entries', asOf1k, 100, '-'],
        ['balance as of a date, 1,000,000 entries', asOf1m, 100, 'p99 <= 100 ms'],
      ] as const;
      const table = [
        '| measure | runs | p50 ms | p99 ms | max ms | goal |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows.map(
          ([name, t, n, goal]) => `| ${name} | ${n} | ${f(t.p50)} | ${f(t.p99)} | ${f(t.max)} | ${goal} |`,
        ),
      ].join('\n');
      const [{ version }] = await ds
        .query(`SHOW server_version`)
        .then((r: { server_version: string }[]) => r.map((x) => ({ version: x.server_version })));
      const section = [
        '## Balance (bench/balance.bench.ts)',
        '',
        `Run ${new Date().toISOString()} on PostgreSQL ${version}, Node ${process.version}; 1,000,000 entries ` +
          `(500,000 balanced postings over 2010-2016) loaded in ${loadSeconds.toFixed(1)} s with triggers in force; ` +
          `whole run ${((Date.now() - began) / 1000).toFixed(1)} s. Times through BalanceService, sequential calls.`,
        '',
        table,
        '',
        `Balance now p99 ratio 1M / 1k: ${ratio.toFixed(2)} (goal <= 1.5: ${ratio <= 1.5 ? 'met' : 'missed'}); ` +
          `p99 at 1M ${f(now1m.p99)} ms (goal <= 10 ms: ${now1m.p99 <= 10 ? 'met' : 'missed'}). ` +
          `As of a date p99 at 1M: ${f(asOf1m.p99)} ms (goal <= 100 ms: ${asOf1m.p99 <= 100 ? 'met' : 'missed'}).`,
        '',
      ].join('\n');
      console.log(`\n${section}`);
      writeSection(
        'Balance (bench/balance.bench.ts)',
        section.replace(/^## Balance \(bench\/balance\.bench\.ts\)\n/, ''),
      );
      // Goals are reported above, met or missed; a benchmark does not fail on timing.
    } finally {
      await ds.destroy();
    }
  });
});
