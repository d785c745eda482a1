/** The test environment's settings, shared by the global setup and every test file. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/tfg_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
export const TEST_REDIS_PREFIX = process.env.TEST_REDIS_PREFIX || 'tfg-test';
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
