/**
 * `npm run openapi:write`: writes the API's OpenAPI document to a file (default apps/portal/openapi.json),
 * built from the Nest app in preview mode: no listening, no PostgreSQL, no Redis.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOpenApiDocument } from '../bootstrap';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'apps/portal/openapi.json');
  const document = await buildOpenApiDocument();
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`openapi: wrote ${out} (${Object.keys(document.paths).length} paths)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
