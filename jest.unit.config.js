// The first test tier: the pure specs beside the code (`*.spec.ts` under apps/ and libs/), with no global
// set-up, no test environment and nothing listening: `npm run test:unit` runs in seconds with PostgreSQL and
// Redis stopped. A spec that needs the database or Redis belongs under test/medium/ (ADR 0008).
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testRegex: '\\.spec\\.ts$',
  globalSetup: undefined,
  setupFiles: ['<rootDir>/test/setup/unit-env.ts'],
  setupFilesAfterEnv: [],
  testTimeout: 10000,
};
