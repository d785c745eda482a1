import 'reflect-metadata';
import cluster from 'node:cluster';
import { APP_CONFIG, AppConfig, ConfigError, loadConfig } from '@app/core';
import { createApiApp } from './bootstrap';
import { runPrimary } from './processes';

async function main(): Promise<void> {
  const { apiProcesses } = loadConfig(); // a bad or missing variable stops here, named, before anything connects
  // API_PROCESSES > 1: this process only forks and watches the API processes, which share PORT (ADR 0018).
  if (apiProcesses > 1 && cluster.isPrimary) return runPrimary(apiProcesses);
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const worker = cluster.isWorker
    ? ` (API process ${cluster.worker!.id} of ${apiProcesses}, pid ${process.pid})`
    : '';
  console.log(
    `API listening on ${config.host}:${config.port}${worker}: http://${shown}:${config.port}/api (docs: /api/docs)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
