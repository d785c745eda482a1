import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/core';
import { createWorkerApp } from './bootstrap';
import { JobSchedulers } from './job-schedulers';

/** Longest a graceful shutdown may take (active jobs finish, connections close) before the process exits. */
const SHUTDOWN_BOUND_MS = 15_000;

async function main(): Promise<void> {
  loadConfig();
  const app = await createWorkerApp();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`worker: shutdown took longer than ${SHUTDOWN_BOUND_MS} ms, exiting`);
        process.exit(1);
      }, SHUTDOWN_BOUND_MS).unref();
    });
  }
  await app.init();
  await app.get(JobSchedulers).upsertAll();
  console.log('worker started');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
