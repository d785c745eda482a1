// Runs the TypeScript sources directly (benchmarks only): swc compiles each .ts file on require, with the
// decorator metadata Nest needs, and `@app/<lib>` resolves to libs/<lib>/src as in tsconfig.json's paths.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const ROOT = path.resolve(__dirname, '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@app\/([a-z-]+)(?:\/(.*))?$/.exec(request);
  if (m) request = path.join(ROOT, 'libs', m[1], 'src', m[2] ?? 'index.ts');
  return resolve.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
