import { Redis } from 'ioredis';
import { Client } from 'pg';
// Jest's module mapper does not apply to the global setup, so this reaches the migration list directly.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/core/src/database/data-source-options';
import type { Config } from '@jest/types';
import {
  TEST_REDIS_ROOT_PREFIX,
  TEST_REDIS_URL,
  TEST_TEMPLATE_DATABASE_URL,
  workerDatabaseUrl,
} from './test-env';

/**
 * Once per `npm test`: a fresh database (its name must contain "test": this drops it), migrated by the
 * same code as `npm run db:migrate`, copied once per jest worker (`CREATE DATABASE ... TEMPLATE`, a file
 * copy: no second migration), and no Redis keys left under the test prefix (nor the per-worker and per-file
 * prefixes that extend it).
 */
export default async function globalSetup(config: Config.GlobalConfig): Promise<void> {
  const url = new URL(TEST_TEMPLATE_DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!/test/i.test(name))
    throw new Error(`refusing to use database "${name}" for tests: its name lacks "test"`);
  const admin = new URL(TEST_TEMPLATE_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const workers = Array.from({ length: Math.max(1, config.maxWorkers) }, (_, i) =>
    new URL(workerDatabaseUrl(i + 1)).pathname.slice(1),
  );
  for (const db of [name, ...workers]) await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  const ds = new DataSource(dataSourceOptions(TEST_TEMPLATE_DATABASE_URL));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  for (const db of workers) await client.query(`CREATE DATABASE "${db}" TEMPLATE "${name}"`);
  await client.end();

  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_REDIS_ROOT_PREFIX}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
