import '../setup/jobs-env';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { Actor, OutboxRelay, SCHEDULES } from '@app/core';
import { ContributionsService } from '@app/donors';
import { JobSchedulers } from '../../apps/worker/src/job-schedulers';
import { Api, startApi, startWorker, userWithRoles, waitFor } from '../setup/harness';
import { balance, contribute, createDonor, createFund, moneyActors, MoneyActors } from '../factories/money';
import { TEST_DATABASE_URL } from '../setup/test-env';

const USD = (dollars: number) => dollars * 100;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (/Ready to accept connections/i.test(d.toString())) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited ${code}`)));
  });
}

function killed(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

describe('queued jobs under faults', () => {
  let api: Api;
  let actors: MoneyActors;
  let donorId: string;
  let funds: Queue;
  let finance: Actor;

  const state = async (fundId: string) => {
    const [row] = await api.db.query(
      `SELECT
         (SELECT count(*) FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing' AND direction = 'up')::int AS ups,
         (SELECT count(*) FROM fund_alerts WHERE fund_id = $1 AND type = 'crossing')::int AS alerts,
         (SELECT count(*) FROM fund_balance_snapshots WHERE fund_id = $1)::int AS snapshots,
         (SELECT available FROM fund_balance_snapshots WHERE fund_id = $1 ORDER BY id DESC LIMIT 1)::bigint AS last,
         (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND payload->>'fundId' = $1::text)::int AS unsent`,
      [fundId],
    );
    return { ...row, last: row.last === null ? null : Number(row.last) } as {
      ups: number;
      alerts: number;
      snapshots: number;
      last: number | null;
      unsent: number;
    };
  };

  beforeAll(async () => {
    api = await startApi();
    actors = await moneyActors(api);
    donorId = (await createDonor(api, actors.finance)).id;
    funds = api.app.get<Queue>(getQueueToken('funds'), { strict: false });
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
  afterAll(async () => {
    await api?.close();
  });

  it('worker stopped while 1,000 contributions are posted, then two workers: all processed, one up alert, last snapshot = ledger', async () => {
    const fundId = (await createFund(api, actors.admin, { newCallTarget: USD(500_000) })).id;
    const contributions = api.app.get(ContributionsService);
    const receivedAt = new Date().toISOString();
    for (let i = 0; i < 1000; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          contributions.receive(
            { donorId, fundId, amount: USD(1_000), currency: 'USD', receivedAt },
            finance,
          ),
        ),
      );
    }
    expect((await state(fundId)).unsent).toBe(1000);

    const workers = await Promise.all([startWorker(), startWorker()]);
    try {
      const done = await waitFor(
        () => state(fundId),
        (s) => s.unsent === 0 && s.last === USD(1_000_000),
        60_000,
        100,
      );
      // coalesced: far fewer recalculations than postings
      expect(done.snapshots).toBeLessThan(20);
      await new Promise((r) => setTimeout(r, 300));
      const settled = await state(fundId);
      expect(settled).toMatchObject({ ups: 1, alerts: 1, last: USD(1_000_000) });
      const now = await balance(api, actors.finance, fundId);
      expect(now.available).toBe(USD(1_000_000));
      const [covered] = await api.db.query(
        `SELECT s.covered_seq = (SELECT max(seq) FROM ledger_postings WHERE fund_id = $1) AS ok
         FROM fund_balance_state s WHERE fund_id = $1`,
        [fundId],
      );
      expect(covered.ok).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 90_000);

  it('Redis unavailable while contributions are posted: the API answers 201; once Redis is back the jobs run and the alert fires once', async () => {
    const fundId = (await createFund(api, actors.admin, { newCallTarget: USD(10_000) })).id;
    const port = await freePort();
    let redis = await startRedis(port);
    const mainRedis = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    let worker: INestApplicationContext | null = null;
    // BullMQ logs every refused reconnection while Redis is away; that is expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      worker = await startWorker();
      await killed(redis);
      for (let i = 0; i < 3; i += 1) {
        const res = await contribute(api, actors.finance, { donorId, fundId, amount: USD(6_000) });
        expect(res.status).toBe(201);
      }
      await new Promise((r) => setTimeout(r, 1500));
      expect(await state(fundId)).toMatchObject({ unsent: 3, alerts: 0, snapshots: 0 });

      redis = await startRedis(port);
      const after = await waitFor(
        () => state(fundId),
        (s) => s.unsent === 0 && s.last === USD(18_000),
        40_000,
        100,
      );
      expect(after).toMatchObject({ ups: 1, alerts: 1 });
      await new Promise((r) => setTimeout(r, 300));
      expect((await state(fundId)).alerts).toBe(1);
    } finally {
      await worker?.close();
      process.env.REDIS_URL = mainRedis;
      await killed(redis);
      quiet.mockRestore();
    }
  }, 90_000);

  it('a worker killed with SIGKILL mid-job: the job runs again and nothing is doubled', async () => {
    const fundId = (await createFund(api, actors.admin, { newCallTarget: USD(1_000) })).id;
    // Hold the fund's recalculation lock so the child's job stays active, mid-transaction.
    const lock = new Client({ connectionString: TEST_DATABASE_URL });
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext('tfg:balance:' || $1))`, [fundId]);
    const child = spawn(process.execPath, ['-r', './test/setup/swc-register.js', 'apps/worker/src/main.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, JOB_LOCK_MS: '2000', JOB_STALLED_INTERVAL_MS: '1000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let worker: INestApplicationContext | null = null;
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker started') && resolve());
        child.once('exit', (code) => reject(new Error(`child worker exited ${code}`)));
      });
      const res = await contribute(api, actors.finance, { donorId, fundId, amount: USD(2_000) });
      expect(res.status).toBe(201);
      const [active] = await waitFor(
        async () =>
          (await funds.getJobs(['active'])).filter(
            (j: Job) => j.name === 'funds.balance-changed' && j.data.fundId === fundId,
          ),
        (jobs) => jobs.length === 1,
        10_000,
      );
      await killed(child, 'SIGKILL');
      await lock.query(`SELECT pg_advisory_unlock(hashtext('tfg:balance:' || $1))`, [fundId]);
      expect(await state(fundId)).toMatchObject({ alerts: 0, snapshots: 0 });

      worker = await startWorker();
      await waitFor(
        async () => (await funds.getJob(active.id!))?.getState(),
        (s) => s === 'completed',
        40_000,
        100,
      );
      const job = (await funds.getJob(active.id!))!;
      expect(job.attemptsStarted).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 300));
      expect(await state(fundId)).toMatchObject({ ups: 1, alerts: 1, snapshots: 1, last: USD(2_000) });
      await worker.get(JobSchedulers).removeAll();
    } finally {
      await killed(child);
      await lock.end().catch(() => undefined);
      await worker?.close();
    }
  }, 90_000);

  it('two workers started at the same moment leave exactly one scheduler entry per task', async () => {
    const workers = await Promise.all([startWorker(), startWorker()]);
    try {
      await Promise.all(workers.map((w) => w.get(JobSchedulers).upsertAll()));
      for (const s of SCHEDULES) {
        const queue = api.app.get<Queue>(getQueueToken(s.job.split('.')[0]), { strict: false });
        const entries = (await queue.getJobSchedulers()).filter((e) => e.key === s.id);
        expect(entries).toHaveLength(1);
        expect(entries[0].name).toBe(s.job);
      }
      expect(workers[0].get(OutboxRelay)).toBeDefined();
    } finally {
      await workers[0].get(JobSchedulers).removeAll();
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 90_000);
});
