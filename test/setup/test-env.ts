/** The test environment's settings, shared by the global setup and every test file. */
/** The database the global setup migrates; each jest worker runs on its own copy of it (see below). */
export const TEST_TEMPLATE_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tfg_test';
const WORKER = process.env.JEST_WORKER_ID;

/**
 * The name of jest worker `n`'s database: the migrated one, copied. Jest runs the test files on two workers
 * at once; each worker runs its files one after another, alone with its own database and Redis prefix, so no
 * file sees another file's outbox, queues, mail or rows while it runs.
 */
export function workerDatabaseUrl(n: number | string): string {
  const url = new URL(TEST_TEMPLATE_DATABASE_URL);
  url.pathname = `${url.pathname}_w${n}`;
  return url.toString();
}

export const TEST_DATABASE_URL = WORKER ? workerDatabaseUrl(WORKER) : TEST_TEMPLATE_DATABASE_URL;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
/** The prefix every test Redis key starts with (the global setup clears them all). */
export const TEST_REDIS_ROOT_PREFIX = process.env.TEST_REDIS_PREFIX || 'tfg-test';
export const TEST_REDIS_PREFIX = WORKER ? `${TEST_REDIS_ROOT_PREFIX}-w${WORKER}` : TEST_REDIS_ROOT_PREFIX;
export const TEST_ADMIN = { email: 'admin@tests.example.org', password: 'admin-password-for-tests' };

export function applyTestEnv(): void {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: TEST_REDIS_PREFIX,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '1000000',
    // Two-factor sign-in is off for the test users; the MFA tests set the roles they need.
    MFA_REQUIRED_ROLES: '',
    // every test registers from 127.0.0.1; accounts-people.e2e-spec.ts checks the limit on its own prefix
    REGISTRATIONS_PER_HOUR: '1000000',
    LOG_LEVEL: process.env.LOG_LEVEL || 'silent',
  });
}
