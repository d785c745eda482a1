import 'reflect-metadata';
import { APP_CONFIG, AppConfig, ConfigError, loadConfig } from '@app/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  loadConfig(); // a bad or missing variable stops here, named, before anything connects
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(
    `API listening on ${config.host}:${config.port}: http://${shown}:${config.port}/api (docs: /api/docs)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
