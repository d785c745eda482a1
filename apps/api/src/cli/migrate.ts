import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, dataSourceOptions, loadConfig } from '@app/core';

/** Runs the pending migrations against DATABASE_URL (npm run db:migrate), each in its own transaction. */
export async function migrate(
  databaseUrl: string,
  log: (line: string) => void = console.log,
): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`migrated: ${m.name}`);
    if (applied.length === 0) log('database is up to date');
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  try {
    const config = loadConfig();
    migrate(config.databaseUrl).catch((error: unknown) => {
      console.error('migration failed:', error);
      process.exit(1);
    });
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
