import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiModule } from '../api.module';
import { openApiDocument } from '../openapi';

/**
 * The OpenAPI document without a server, a database or Redis: Nest's preview mode scans the modules and
 * controllers but instantiates no provider, which is all the document builder reads.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

/**
 * `openapi-document.ts <file>` writes the document; `--lint` writes it to a temporary file and runs
 * spectral on it with the repository's .spectral.yaml, failing on any warning (npm run lint:openapi).
 */
async function main(args: string[]): Promise<number> {
  const doc = JSON.stringify(await buildOpenApiDocument(), null, 2);
  if (!args.includes('--lint')) {
    const out = args[0];
    if (out) writeFileSync(out, `${doc}\n`);
    else process.stdout.write(`${doc}\n`);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tfg-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, doc);
    const root = process.cwd();
    const spectral = spawnSync(
      process.execPath,
      [
        require.resolve('@stoplight/spectral-cli/dist/index.js'),
        'lint',
        file,
        '--ruleset',
        join(root, '.spectral.yaml'),
        '--fail-severity=warn',
      ],
      { stdio: 'inherit', cwd: root },
    );
    return spectral.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('openapi document failed:', error);
      process.exit(1);
    },
  );
}
