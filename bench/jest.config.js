// The benchmark runs through jest only to reuse the TypeScript transform and the @app/* mapping of the
// main config; it is not part of `npm test` (its own roots, regex and no global setup).
const base = require('../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/bench'],
  testRegex: 'bench/balance\\.bench\\.ts$',
  globalSetup: undefined,
  setupFiles: [],
  testTimeout: 600_000,
};
