import { Client } from 'pg';
import { TEST_DATABASE_URL, TEST_TEMPLATE_DATABASE_URL } from './test-env';

/**
 * A database of this test file's own, copied from the migrated template the global setup made (a file
 * copy: no second migration), for a test whose premise is an empty fund list that the other files of its
 * jest worker would break (the demo seed: another file may have entered the demo in the worker's
 * database first). Points DATABASE_URL at it for the apps the file starts; the function it returns drops
 * it and restores DATABASE_URL.
 */
export async function ownDatabase(name: string): Promise<() => Promise<void>> {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `${url.pathname}_${name}`;
  const db = url.pathname.slice(1);
  const template = new URL(TEST_TEMPLATE_DATABASE_URL).pathname.slice(1);
  const admin = new URL(TEST_TEMPLATE_DATABASE_URL);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await run(`CREATE DATABASE "${db}" TEMPLATE "${template}"`);
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url.toString();
  return async () => {
    process.env.DATABASE_URL = before;
    await run(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  };
}
