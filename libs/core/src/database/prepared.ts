import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A hot statement run as a named prepared statement on the transaction's own connection: PostgreSQL
 * parses it once per connection and, after a few runs, keeps its plan, where `em.query` sends it unnamed
 * and has it parsed and planned on every call. For the statements on a path measured as hot only (the
 * draft save of issue 20: planning its one data-modifying statement took 0.7-0.85 ms, as much as running
 * it). `name` must be unique to `text` (pg refuses one name with two texts on a connection). Same rows and
 * types as `em.query` gives for a statement that returns rows (same pg client, same type parsers).
 * Outside a transaction it is `em.query`: pg-pool's own `query` handles a connection lost mid-statement
 * differently from TypeORM's query runner (a PostgreSQL restart test failed once through it), so a named
 * statement runs only on a connection TypeORM has checked out and watches.
 */
export async function preparedQuery<T>(
  em: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = em.queryRunner;
  if (!runner || runner.isReleased || !runner.isTransactionActive) return em.query(text, values);
  const client = (await runner.connect()) as PgClient;
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
