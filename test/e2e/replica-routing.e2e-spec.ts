import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPLICA_ENTRY_MS } from '../../apps/api/src/http/public-cache';
import { Api, freePort, startApi, waitFor } from '../setup/harness';
import { balance, contribute, createDonor, createFund, staffTokens } from '../factories/money';
import { TEST_DATABASE_URL } from '../setup/test-env';

/**
 * Reads from a replica (issue 20, ADR 0015): a hot standby of the test cluster is started with
 * pg_basebackup (test/replica/start-standby.sh) and the API runs with DATABASE_READ_URL pointing at it.
 * With the standby's replay paused, a contribution is written: the write and the balance (which must see
 * it) go to the primary, while the reports and the public summary, read on the replica, do not show it
 * yet and say the time their figures are as of; once replay resumes, they do.
 */
const SCRIPT = join(__dirname, '..', 'replica', 'start-standby.sh');
const DIR = `/tmp/tfg-standby-${process.pid}`;
jest.setTimeout(180_000);

function script(action: 'start' | 'stop', port: number) {
  const primary = new URL(TEST_DATABASE_URL);
  primary.pathname = '/postgres';
  return spawnSync('bash', [SCRIPT, action, String(port), DIR], {
    encoding: 'utf8',
    env: { ...process.env, PRIMARY_URL: primary.toString() },
    timeout: 170_000,
  });
}

describe('reads from a replica: reports and public figures on DATABASE_READ_URL, writes on the primary', () => {
  let api: Api;
  let port = 0;
  let skip = '';
  let standby: Client;
  let tokens: Awaited<ReturnType<typeof staffTokens>>;

  beforeAll(async () => {
    port = await freePort();
    const started = script('start', port);
    if (started.status === 3) {
      // Only when the PostgreSQL server binaries are missing (they are on the project's machines and in CI).
      skip = `skipped: ${started.stderr.trim()}`;
      console.warn(`replica-routing: ${skip}`);
      return;
    }
    if (started.status !== 0)
      throw new Error(`the standby did not start:\n${started.stdout}${started.stderr}`);
    const readUrl = new URL(TEST_DATABASE_URL);
    readUrl.port = String(port);
    process.env.DATABASE_READ_URL = readUrl.toString();
    standby = new Client({ connectionString: readUrl.toString() });
    await standby.connect();
    api = await startApi();
    tokens = await staffTokens(api);
  });

  afterAll(async () => {
    delete process.env.DATABASE_READ_URL;
    await api?.close();
    await standby?.end();
    if (port && !skip) {
      const stopped = script('stop', port);
      expect(stopped.status).toBe(0);
      expect(existsSync(DIR)).toBe(false);
    }
  });

  const get = (path: string) => api.http().get(path).set('authorization', `Bearer ${tokens.finance}`);
  const report = async (fundId: string) => {
    const res = await get(`/api/reports/contributions?fundId=${fundId}`);
    expect(res.status).toBe(200);
    return res.body as { total: number; dataAsOf: string };
  };

  it('serves reports from the paused replica (old figures, their as-of time) while writes land on the primary', async () => {
    if (skip) return console.warn(`replica-routing: ${skip}`);
    const fund = await createFund(api, tokens.admin);
    const donor = await createDonor(api, tokens.finance);
    const first = await contribute(api, tokens.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 1_000_000,
    });
    expect(first.status).toBe(201);
    // The replica catches up: the report (read there) shows the first contribution.
    await waitFor(
      () => report(fund.id),
      (r) => r.total === 1_000_000,
      30_000,
      100,
    );

    // The API's report reads run on the standby's connections.
    const [{ n }] = (
      await standby.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'trust-fund-grants-read'`,
      )
    ).rows;
    expect(n).toBeGreaterThan(0);

    await standby.query(`SELECT pg_wal_replay_pause()`);
    await waitFor(
      async () => (await standby.query(`SELECT pg_get_wal_replay_pause_state() AS s`)).rows[0].s as string,
      (s) => s === 'paused',
      10_000,
    );

    const second = await contribute(api, tokens.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 250_000,
    });
    expect(second.status).toBe(201); // a write: on the primary, though replay is paused
    const [{ created_at: writtenAt }]: { created_at: Date }[] = await api.db.query(
      `SELECT created_at FROM contributions WHERE id = $1`,
      [second.body.id],
    );
    // The balance must read its own writes: it stays on the primary and shows both.
    expect((await balance(api, tokens.finance, fund.id)).received).toBe(1_250_000);
    expect(
      (await api.db.query(`SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1`, [fund.id]))[0].n,
    ).toBe(2);
    // Nothing reached the standby: the second contribution is not there.
    expect(
      (await standby.query(`SELECT count(*)::int AS n FROM contributions WHERE id = $1`, [second.body.id]))
        .rows[0].n,
    ).toBe(0);

    // The reports read the replica: the old figures, saying they are as of before the write.
    const lagging = await report(fund.id);
    expect(lagging.total).toBe(1_000_000);
    expect(Date.parse(lagging.dataAsOf)).toBeLessThan(writtenAt.getTime());
    const statement = await get(`/api/funds/${fund.id}/statement`);
    expect(statement.status).toBe(200);
    expect(statement.body.closing.received).toBe(1_000_000);
    expect(Date.parse(statement.body.dataAsOf)).toBeLessThan(writtenAt.getTime());
    const summary = await api.http().get(`/api/public/summary?fundId=${fund.id}`);
    expect(summary.status).toBe(200);
    expect(summary.body.received).toBe(1_000_000);
    expect(Date.parse(summary.body.dataAsOf)).toBeLessThan(writtenAt.getTime());

    await standby.query(`SELECT pg_wal_replay_resume()`);
    const caughtUp = await waitFor(
      () => report(fund.id),
      (r) => r.total === 1_250_000,
      30_000,
      100,
    );
    expect(Date.parse(caughtUp.dataAsOf)).toBeGreaterThanOrEqual(writtenAt.getTime());
    const after = await get(`/api/funds/${fund.id}/statement`);
    expect(after.body.closing.received).toBe(1_250_000);
    // The public summary read while the replica lagged was kept by the public cache (its NOTIFY came from
    // the primary before): with a replica an answer is kept REPLICA_ENTRY_MS at most, so it catches up too.
    const publicAfter = await waitFor(
      () => api.http().get(`/api/public/summary?fundId=${fund.id}`),
      (r) => r.body.received === 1_250_000,
      REPLICA_ENTRY_MS + 10_000,
      250,
    );
    expect(Date.parse(publicAfter.body.dataAsOf)).toBeGreaterThanOrEqual(writtenAt.getTime());
  });

  it('refuses writes on the replica itself: the read connection is read-only', async () => {
    if (skip) return console.warn(`replica-routing: ${skip}`);
    await expect(standby.query(`CREATE TABLE replica_write_probe (id int)`)).rejects.toThrow(/read-only/);
  });
});
