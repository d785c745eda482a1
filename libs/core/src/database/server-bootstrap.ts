import type { Client } from 'pg';

/**
 * The one SQL run against a server before the application's database exists (`npm start`'s embedded
 * PostgreSQL): creates the database when it is not there yet. The client is connected here and ended.
 */
export async function ensureDatabase(client: Client, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} is not a plain identifier`);
  await client.connect();
  try {
    const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
