import { preparedQuery } from '@app/core';
import { Api, startApi } from '../setup/harness';

/** preparedQuery (issue 20's draft save): a named statement, prepared once on the connection it runs on. */
describe('preparedQuery', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it("is prepared on the transaction's own connection, and gives em.query's rows and types", async () => {
    await api.db.transaction(async (em) => {
      const text = `SELECT $1::bigint AS n, now() AS at, ARRAY['a', 'b']::text[] AS tags`;
      const [plain] = await em.query(text, ['9007199254740993']);
      const [first] = await preparedQuery<typeof plain>(em, 'test.prepared-shape', text, [
        '9007199254740993',
      ]);
      const [again] = await preparedQuery<typeof plain>(em, 'test.prepared-shape', text, ['12']);
      expect(first).toEqual(plain); // bigint as text, timestamptz as Date (one transaction: one now())
      expect(again.n).toBe('12');
      const names: { name: string; statement: string }[] = await em.query(
        `SELECT name, statement FROM pg_prepared_statements WHERE name = 'test.prepared-shape'`,
      );
      expect(names).toEqual([{ name: 'test.prepared-shape', statement: text }]);
    });
  });

  it('is em.query outside a transaction (nothing prepared)', async () => {
    const rows = await preparedQuery<{ one: number }>(
      api.db.manager,
      'test.prepared-pool',
      'SELECT 1 AS one',
      [],
    );
    expect(rows).toEqual([{ one: 1 }]);
    const prepared: unknown[] = await api.db.query(
      `SELECT name FROM pg_prepared_statements WHERE name = 'test.prepared-pool'`,
    );
    expect(prepared).toEqual([]);
  });
});
