// The portal's typed API client, generated from the API's own OpenAPI document.
//   node apps/portal/scripts/openapi.mjs generate   apps/portal/openapi.json -> apps/portal/src/api/
//   node apps/portal/scripts/openapi.mjs check      rebuilds both into a temporary folder and fails when the
//                                                  committed document or client differs (npm test runs it)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';

const portal = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(portal, '../..');
const DOCUMENT = join(portal, 'openapi.json');
const CLIENT = join(portal, 'src/api');

async function generate(input, output) {
  await createClient({
    input,
    output: { path: output },
    plugins: ['@hey-api/client-fetch', '@tanstack/react-query'],
    logs: { level: 'silent' },
  });
}

function writeDocument(out) {
  execFileSync(
    process.execPath,
    ['-r', './test/setup/swc-register.js', 'apps/api/src/cli/openapi-document.ts', out],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

const mode = process.argv[2] ?? 'generate';
if (mode === 'generate') {
  await generate(DOCUMENT, CLIENT);
  console.log(`openapi: generated ${CLIENT}`);
} else if (mode === 'check') {
  const tmp = mkdtempSync(join(tmpdir(), 'tfg-openapi-'));
  try {
    writeDocument(join(tmp, 'openapi.json'));
    await generate(join(tmp, 'openapi.json'), join(tmp, 'api'));
    const stale = [
      ['apps/portal/openapi.json', spawnSync('diff', ['-q', DOCUMENT, join(tmp, 'openapi.json')]).status],
      ['apps/portal/src/api/', spawnSync('diff', ['-rq', CLIENT, join(tmp, 'api')]).status],
    ].filter(([, status]) => status !== 0);
    if (stale.length) {
      console.error(
        `openapi: stale: ${stale.map(([f]) => f).join(', ')}. Run npm run openapi:write && npm run openapi:generate and commit.`,
      );
      process.exit(1);
    }
    console.log('openapi: the committed document and client are up to date');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  console.error(`usage: openapi.mjs generate|check (got ${mode})`);
  process.exit(2);
}
