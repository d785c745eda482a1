// The jobs benchmark runs through jest to reuse its TypeScript transform and test harness, on its own
// database (dropped and migrated by the global setup): `npm run bench:jobs`. `npm test` never runs it.
const base = require('../jest.config');

process.env.TEST_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/tfg_bench_test';
process.env.TEST_REDIS_PREFIX ||= 'tfg-bench-test';

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/bench'],
  testRegex: '\\.e2e-bench\\.ts$',
  testTimeout: 600_000,
};
