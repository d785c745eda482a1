import { writeSection } from './lib/env';
import '../test/setup/jobs-env';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Actor } from '@app/core';
import { ContributionsService } from '@app/donors';
import { createDonor, createFund, moneyActors } from '../test/factories/money';
import { Api, startApi, startWorker, userWithRoles } from '../test/setup/harness';

const LATENCY_SAMPLES = 200;
const BACKLOG_FUNDS = 10;
const BACKLOG_PER_FUND = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function parallel(n: number, width: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

describe('jobs benchmark', () => {
  let api: Api;
  let finance: Actor;
  let donorId: string;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    const actors = await moneyActors(api);
    admin = actors.admin;
    donorId = (await createDonor(api, actors.finance)).id;
    const user = await userWithRoles(api, ['finance']);
    finance = {
      userId: user.id,
      roles: ['finance'],
      organizationId: null,
      donorId: null,
      fundIds: [],
      requestId: null,
    };
  });
  afterAll(() => api.close());

  it('measures commit-to-snapshot latency and backlog drain rate', async () => {
    const contributions = api.app.get(ContributionsService);
    const receive = (fundId: string, amount: number) =>
      contributions.receive(
        { donorId, fundId, amount, currency: 'USD', receivedAt: new Date().toISOString() },
        finance,
      );

    // 1. Latency: one contribution at a time, from its commit until its snapshot row exists.
    let worker: INestApplicationContext = await startWorker();
    const fundId = (await createFund(api, admin, { newCallTarget: 50_000_000 })).id;
    const latencies: number[] = [];
    let expected = 0;
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      await receive(fundId, 100 + i);
      const committed = performance.now();
      expected += 100 + i;
      for (;;) {
        const [row] = await api.db.query(
          `SELECT 1 FROM fund_balance_snapshots WHERE fund_id = $1 AND available = $2 LIMIT 1`,
          [fundId, expected],
        );
        if (row) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      latencies.push(performance.now() - committed);
    }
    await worker.close();
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);

    // 2. Drain: with no worker running, a backlog of balance events builds up; then one worker drains it.
    const funds: string[] = [];
    for (let f = 0; f < BACKLOG_FUNDS; f += 1)
      funds.push((await createFund(api, admin, { newCallTarget: 50_000_000 })).id);
    const postStart = performance.now();
    await Promise.all(funds.map((id) => parallel(BACKLOG_PER_FUND, 4, () => receive(id, 10_000))));
    const postSeconds = (performance.now() - postStart) / 1000;
    const events = BACKLOG_FUNDS * BACKLOG_PER_FUND;
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL AND name = 'funds.balance-changed'`,
    );
    expect(n).toBe(events);

    const drainStart = performance.now();
    worker = await startWorker();
    for (;;) {
      const [{ open }] = await api.db.query(
        `SELECT count(*)::int AS open FROM funds f
         LEFT JOIN fund_balance_state s ON s.fund_id = f.id
         WHERE f.id = ANY($1::uuid[])
           AND coalesce(s.covered_seq, 0) < (SELECT max(seq) FROM ledger_postings WHERE fund_id = f.id)`,
        [funds],
      );
      const [{ unsent }] = await api.db.query(
        `SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL AND name = 'funds.balance-changed'`,
      );
      const counts = await worker
        .get<Queue>(getQueueToken('funds'), { strict: false })
        .getJobCounts('wait', 'active', 'delayed');
      if (open === 0 && unsent === 0 && counts.wait + counts.active + counts.delayed === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    await worker.close();
    const rate = events / drainSeconds;
    const [{ snaps }] = await api.db.query(
      `SELECT count(*)::int AS snaps FROM fund_balance_snapshots WHERE fund_id = ANY($1::uuid[])`,
      [funds],
    );

    const lines = [
      `Run ${new Date().toISOString()}. Node ${process.version}, one worker process (concurrency ${process.env.JOB_CONCURRENCY ?? 16}), local PostgreSQL and Redis.`,
      '',
      '| measure | result | goal |',
      '| --- | --- | --- |',
      `| contribution commit -> snapshot row, p50 (${LATENCY_SAMPLES} samples) | ${p50.toFixed(1)} ms | |`,
      `| contribution commit -> snapshot row, p95 | ${p95.toFixed(1)} ms | <= 1000 ms |`,
      `| backlog of ${events} balance events (${BACKLOG_FUNDS} funds) drained | ${drainSeconds.toFixed(2)} s = ${Math.round(rate)} events/s | >= 1000/s |`,
      `| recalculations (snapshots) written for that backlog | ${snaps} | coalesced |`,
      `| time to post the backlog (10,000 contributions, not part of the drain) | ${postSeconds.toFixed(1)} s | |`,
      '',
      'The drain time runs from the worker start (including its boot) until every event is relayed from the',
      'outbox, every job has left the funds queue and every fund is recalculated through its last posting.',
      '',
    ];
    console.log(lines.join('\n'));
    writeSection('Jobs (bench/jobs.e2e-bench.ts)', lines.join('\n'));
  });
});
