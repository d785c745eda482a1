import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';

export const ROOT = join(__dirname, '..', '..');
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tfg_bench_test';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
/**
 * The API under benchmark runs with NODE_ENV=production, which refuses secrets written in the repository
 * (libs/core/src/config/committed-secrets.ts): the admin password and the JWT key are drawn for each run.
 */
export const RUN_SECRET = randomBytes(18).toString('base64url');
export const ADMIN = { email: 'admin@bench.example.org', password: `bench-admin-${RUN_SECRET}` };

/** The environment of an API process under benchmark: production settings, no practical rate limit, no MFA. */
export function apiEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: BENCH_DATABASE_URL,
    REDIS_URL: BENCH_REDIS_URL,
    REDIS_PREFIX: 'tfg-bench',
    PORT: String(port),
    JWT_SECRET: `bench-jwt-${RUN_SECRET}-${RUN_SECRET}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '100000000',
    // the benchmarks sign staff in by password alone (a TOTP enrolment per run would measure nothing)
    MFA_REQUIRED_ROLES: '',
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
  };
}

/** A fresh bench database (its name must contain "test": this drops it), migrated like production. */
export async function freshDatabase(databaseUrl = BENCH_DATABASE_URL): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/test/i.test(name)) throw new Error(`refusing to drop "${name}": its name lacks "test"`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}

export async function machine(databaseUrl = BENCH_DATABASE_URL): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const [{ server_version: pg }] = (await client.query('SHOW server_version')).rows;
  await client.end();
  const cpu = cpus();
  return (
    `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, PostgreSQL ${pg}`
  );
}

/** Starts a TypeScript entry point (through bench/register.js) in its own process and waits for its port. */
export async function startServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  port: number,
  extraArgs: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...extraArgs, '-r', join(ROOT, 'bench', 'register.js'), join(ROOT, entry)],
    { env, stdio: ['ignore', 'ignore', 'inherit'], cwd: ROOT },
  );
  // a cold start compiles every source through swc: minutes on a loaded machine (BENCH_START_SECONDS)
  const until = Date.now() + Number(process.env.BENCH_START_SECONDS || 240) * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status < 500) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`${entry} did not answer on port ${port}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Replaces this benchmark's section of bench/RESULTS.md (from its `## <title>` heading to the next `## `
 * heading) and keeps every other section, so several benchmarks share the file.
 */
export function writeSection(title: string, body: string): void {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const heading = `## ${title}`;
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark results\n\nWritten by `npm run bench`; each benchmark owns one `##` section.\n';
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) text = `${text.trimEnd()}\n\n${section}`;
  else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = `${text.slice(0, start)}${section}${next === -1 ? '' : `\n${text.slice(next + 1)}`}`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function post(
  base: string,
  path: string,
  token: string,
  body: unknown,
): Promise<{ id: string }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at 100 ticks/s
  } catch {
    return null;
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
