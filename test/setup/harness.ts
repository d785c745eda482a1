import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { createServer } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { AccountLinks } from '@app/identity';
import { TEST_ADMIN } from './test-env';

export type Http = ReturnType<typeof request>;

export interface Api {
  app: NestFastifyApplication;
  http: () => Http;
  db: DataSource;
  close: () => Promise<void>;
}

/** The API built by the same function as main.ts, listening on an ephemeral port. */
export async function startApi(): Promise<Api> {
  const app = await createApiApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server = app.getHttpServer();
  return {
    app,
    http: () => request(server),
    db: app.get(DataSource),
    close: () => app.close(),
  };
}

export async function startWorker(): Promise<INestApplicationContext> {
  const worker = await createWorkerApp();
  await worker.init();
  return worker;
}

export async function login(api: Api, email: string, password: string): Promise<string> {
  const res = await api.http().post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export function adminToken(api: Api): Promise<string> {
  return login(api, TEST_ADMIN.email, TEST_ADMIN.password);
}

let counter = 0;
/** A unique suffix for emails, names and keys, so test files can share one database. */
export function unique(prefix = 'x'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Creates a user through the admin API and logs in; returns its id and token. */
export async function userWithRoles(
  api: Api,
  roles: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; token: string; email: string }> {
  const admin = await adminToken(api);
  const email = `${unique(roles.join('-'))}@tests.example.org`;
  const password = 'a-good-password-1';
  const res = await api
    .http()
    .post('/api/users')
    .set('authorization', `Bearer ${admin}`)
    .send({ email, password, name: `Test ${roles.join(' ')}`, roles, ...extra });
  if (res.status !== 201) throw new Error(`creating user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, token: await login(api, email, password), email };
}

/** Tokens of a new admin, fund manager and finance officer (none limited to some funds), in that order. */
export async function staffTokens(api: Api): Promise<[string, string, string]> {
  const [admin, fm, finance] = await Promise.all([
    userWithRoles(api, ['admin']),
    userWithRoles(api, ['fund_manager']),
    userWithRoles(api, ['finance']),
  ]);
  return [admin.token, fm.token, finance.token];
}

/** Puts a job on its queue as its scheduler does, for the worker to run. */
export function runJob(worker: INestApplicationContext, job: string) {
  return worker
    .get<Queue>(getQueueToken(job.split('.')[0]), { strict: false })
    .add(job, {}, { jobId: unique('run') });
}

/** Registers an NGO over HTTP and logs its first member in. */
/**
 * The token of the latest confirmation link mailed to a registered user, as the worker would write it
 * into the mail: the outbox payload names the link (its token id) and the app derives the token.
 */
export async function confirmationToken(api: Api, userId: string): Promise<string> {
  const [row]: { id: string }[] = await api.db.query(
    `SELECT t.id FROM outbox o JOIN account_tokens t ON t.id::text = o.payload->>'tokenId'
     WHERE o.name = 'identity.account-mail' AND t.user_id = $1 AND t.purpose = 'email_confirmation'
     ORDER BY t.created_at DESC LIMIT 1`,
    [userId],
  );
  if (!row) throw new Error(`no confirmation mail for user ${userId}`);
  return api.app.get(AccountLinks).tokenFor(row.id);
}

/** Confirms a registered user's address through the real route. */
export async function confirmEmail(api: Api, userId: string): Promise<void> {
  const token = await confirmationToken(api, userId);
  const res = await api.http().post('/api/auth/confirm-email').send({ token });
  if (res.status !== 200) throw new Error(`confirm-email failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Registers an NGO over HTTP, confirms its first member's address and logs them in. */
export async function registerNgo(
  api: Api,
  country = 'NG',
): Promise<{ organizationId: string; userId: string; token: string; email: string }> {
  const email = `${unique('ngo')}@ngo.example.org`;
  const password = 'ngo-password-123';
  const res = await api
    .http()
    .post('/api/auth/register')
    .send({
      organization: { name: unique('NGO'), country, registrationNumber: unique('REG') },
      user: { email, password, name: 'NGO Member' },
    });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  await confirmEmail(api, res.body.user.id);
  return {
    organizationId: res.body.organization.id,
    userId: res.body.user.id,
    token: await login(api, email, password),
    email,
  };
}

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > until)
      throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    value = await probe();
  }
  return value;
}

/** A TCP port free on 127.0.0.1 right now, for a server a test starts of its own. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
