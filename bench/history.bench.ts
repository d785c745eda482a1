/**
 * Years of history (issue 20): one fund's reads at 1 million ledger entries over 100 funds, then at 10
 * million over 1,000 funds (the same fund, the same 10,000 entries of its own: only everyone else's grew).
 * `npm run bench -- history`; BENCH_HISTORY_POSTINGS (per fund, default 5,000: two entries each) and
 * BENCH_HISTORY_FUNDS ("100,1000") change the sizes for a quick try.
 *
 * Measured for the first fund, sequential calls, the SQL each read sends (BalanceService and the reports'
 * repositories over one connection, no HTTP): balance now, balance as of a date, the statement for one year
 * (opening and closing balances as of a date and the year's movements), the contributions report by donor
 * over the whole history and the grants report. Each statement is then `EXPLAIN (ANALYZE, BUFFERS)`ed and
 * its plan checked: no Seq Scan of a big table, every index scan of one on `fund_id` or a key. Goals: balance
 * reads within 1.5 times, the others within 2 times their median at 1 million; met or missed is printed.
 */
import { DataSource, EntityManager } from 'typeorm';
import { BalanceService } from '@app/funds';
import {
  ContributionsReportRepository,
  GrantsReportRepository,
  StatementRepository,
  yearPeriod,
} from '@app/reports';
import { checkPlan, PlanCheck, recordingManager, Statement } from './lib/explain';
import { BENCH_DATABASE_URL, freshDatabase, machine, table, writeSection } from './lib/env';
import {
  HISTORY_SPAN,
  HISTORY_START,
  loadFunds,
  sharedRows,
  verifyFunds,
  withoutPlainIndexes,
} from './lib/history-fixture';
import { dataSourceOptions } from '@app/core';

const TITLE = 'Years of history (bench/history.bench.ts)';
const URL = BENCH_DATABASE_URL.replace(/\/[^/]*$/, '/tfg_history_test');
const POSTINGS = Number(process.env.BENCH_HISTORY_POSTINGS || 5_000);
const [SMALL, LARGE] = (process.env.BENCH_HISTORY_FUNDS || '100,1000').split(',').map(Number);

interface Read {
  name: string;
  runs: number;
  goal: number;
  run: (em: EntityManager, i: number) => Promise<unknown>;
}

interface Measure {
  p50: number;
  p99: number;
  plans: PlanCheck[];
}

const asOfDate = (i: number) =>
  new Date(HISTORY_START + ((i * 7919 + 13) % 997) * (HISTORY_SPAN / 997) + 12_345);

function reads(balances: BalanceService, fundId: string): Read[] {
  const statements = new StatementRepository();
  const contributions = new ContributionsReportRepository();
  const grants = new GrantsReportRepository();
  const year = yearPeriod(2014);
  return [
    { name: 'balance now', runs: 300, goal: 1.5, run: (em) => balances.nowIn(em, fundId, new Date()) },
    {
      name: 'balance as of a date',
      runs: 300,
      goal: 1.5,
      run: (em, i) => balances.asOfIn(em, fundId, asOfDate(i)),
    },
    {
      name: 'statement for 2014',
      runs: 60,
      goal: 2,
      run: async (em) => {
        await balances.asOfIn(em, fundId, new Date(year.from!.getTime() - 1));
        await balances.asOfIn(em, fundId, year.to);
        await statements.movements(em, fundId, year);
      },
    },
    {
      name: 'contributions report by donor, all years',
      runs: 60,
      goal: 2,
      run: (em) => contributions.sums(em, fundId, ['donor'], { from: null, to: new Date() }),
    },
    { name: 'grants report', runs: 200, goal: 2, run: (em) => grants.grantFacts(em, fundId) },
  ];
}

async function measure(ds: DataSource, read: Read): Promise<Measure> {
  const em = ds.manager;
  for (let i = 0; i < 10; i++) await read.run(em, i);
  const ms: number[] = [];
  for (let i = 0; i < read.runs; i++) {
    const t = process.hrtime.bigint();
    await read.run(em, i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  const sent: Statement[] = [];
  await read.run(recordingManager(ds, sent), 1);
  const plans: PlanCheck[] = [];
  for (const s of sent) plans.push(await checkPlan(ds, s));
  return { p50: at(0.5), p99: at(0.99), plans };
}

async function measureAll(ds: DataSource, list: Read[]): Promise<Measure[]> {
  await ds.query(`VACUUM ANALYZE`);
  const out: Measure[] = [];
  for (const r of list) out.push(await measure(ds, r));
  return out;
}

async function main(): Promise<void> {
  const began = Date.now();
  await freshDatabase(URL);
  const ds = new DataSource({ ...dataSourceOptions(URL), logging: false });
  await ds.initialize();
  try {
    await sharedRows(ds);
    const loadSmall = await loadFunds(ds, 1, SMALL, POSTINGS);
    const [{ id: fundId }]: { id: string }[] = await ds.query(
      `SELECT id FROM funds WHERE code = 'HIST-00001'`,
    );
    const balances = new BalanceService(ds);
    // The fixture agrees with the ledger's own reads: as of the end of history equals now.
    const end = new Date(HISTORY_START + HISTORY_SPAN);
    const [n, a] = [await balances.now(fundId, end), await balances.asOf(fundId, end)];
    if (JSON.stringify({ ...n, asOf: '' }) !== JSON.stringify({ ...a, asOf: '' }))
      throw new Error(`as of the end (${JSON.stringify(a)}) differs from now (${JSON.stringify(n)})`);
    const list = reads(balances, fundId);
    const small = await measureAll(ds, list);
    // The other 900 funds: loaded without the plain indexes, which are then built once, and checked once.
    const rebuild = await withoutPlainIndexes(ds);
    const loadLarge = await loadFunds(ds, SMALL + 1, LARGE, POSTINGS, { batch: 25, verifyEachBatch: false });
    const indexSeconds = await rebuild();
    const verifyStart = Date.now();
    const newFunds: { id: string }[] = await ds.query(`SELECT id FROM funds WHERE code > $1`, [
      `HIST-${String(SMALL).padStart(5, '0')}`,
    ]);
    await verifyFunds(
      ds.manager,
      newFunds.map((f) => f.id),
      POSTINGS,
    );
    const verifySeconds = (Date.now() - verifyStart) / 1000;
    const large = await measureAll(ds, list);
    const [{ entries, size }]: { entries: string; size: string }[] = await ds.query(
      `SELECT (SELECT count(*) FROM ledger_entries)::text AS entries,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    const fmt = (x: number) => x.toFixed(2);
    const smallEntries = SMALL * POSTINGS * 2;
    const rows = list.map((r, i) => {
      const ratio = large[i].p50 / small[i].p50;
      // judged at the large size: at the small one the planner may read a table of a few pages whole
      const clean = large[i].plans.every((p) => p.problems.length === 0);
      const buffers = (m: Measure) => m.plans.reduce((t, p) => t + p.buffers, 0);
      return {
        cells: [
          r.name,
          r.runs,
          `${fmt(small[i].p50)} / ${fmt(small[i].p99)}`,
          `${fmt(large[i].p50)} / ${fmt(large[i].p99)}`,
          `${buffers(small[i])} / ${buffers(large[i])}`,
          `${fmt(ratio)} (<= ${r.goal}: ${ratio <= r.goal ? 'met' : 'missed'})`,
          clean ? 'fund_id only: met' : 'missed',
        ],
        plans: large[i].plans,
        problems: large[i].plans.flatMap((p) => p.problems),
        smallProblems: small[i].plans.flatMap((p) => p.problems),
      };
    });
    const section = [
      `Run ${new Date().toISOString()}. ${await machine(URL)}.`,
      `${SMALL} funds x ${POSTINGS.toLocaleString('en')} balanced postings (${smallEntries.toLocaleString('en')} entries) ` +
        `loaded in ${loadSmall.toFixed(0)} s, then ${LARGE - SMALL} more funds to ${Number(entries).toLocaleString('en')} ` +
        `entries in ${loadLarge.toFixed(0)} s, their plain indexes built in ${indexSeconds.toFixed(0)} s and checked in ` +
        `${verifySeconds.toFixed(0)} s (database ${size}); whole run ${((Date.now() - began) / 1000).toFixed(0)} s.`,
      'Loaded by INSERT ... SELECT generate_series with triggers off (`session_replication_role = replica`): the first',
      '100 funds batch by batch, each batch checked in its own transaction for what the triggers enforce (postings',
      'balance with two entries or more, every entry has its posting and account, every contribution its posting,',
      'donors exist); the other 900 with the big tables\u2019 plain indexes dropped, then built again from their own',
      'definitions and the same checks run once over those funds. Month sums, balances and available rows are',
      'computed from the entries as the triggers and the ledger keep them (bench/lib/history-fixture.ts).',
      'Times in ms (p50 / p99) for fund HIST-00001 (10,000 entries of its own at both sizes), sequential calls',
      'through BalanceService and the reports\u2019 repositories; buffers: shared blocks hit + read by the EXPLAIN ANALYZE',
      'run of every statement of the read; the ratio compares medians.',
      '',
      table(
        ['read', 'runs', `${SMALL} funds`, `${LARGE} funds`, 'buffers', 'ratio (goal)', 'plans'],
        rows.map((r) => r.cells),
      ),
      '',
      `Scans of the big tables at ${LARGE} funds (EXPLAIN ANALYZE, checked by the benchmark):`,
      '',
      ...rows.flatMap((r, i) => [
        `- ${list[i].name}: ${r.plans.flatMap((p) => p.scans).join('; ') || 'none'}` +
          (r.problems.length ? ` **problems: ${r.problems.join('; ')}**` : ''),
      ]),
      '',
      `At ${SMALL} funds (not judged): ` +
        (rows.flatMap((r, i) => r.smallProblems.map((p) => `${list[i].name}: ${p}`)).join('; ') ||
          'no Seq Scan of a big table either.'),
    ].join('\n');
    console.log(`\n## ${TITLE}\n\n${section}`);
    writeSection(TITLE, section);
  } finally {
    await ds.destroy();
    if (!process.env.BENCH_KEEP) await dropDatabase(URL);
  }
}

/** The 10-million database is dropped at the end (BENCH_KEEP=1 keeps it): it would weigh on every backup. */
async function dropDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new globalThis.URL(url).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
