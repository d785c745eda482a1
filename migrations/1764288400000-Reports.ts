import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Balances as of a date over a long ledger: per fund, account and UTC month, the sum of the entries that
 * took effect in that month. A balance as of a moment is then the months before its month plus that
 * month's entries up to the moment (bench/RESULTS.md: 1,000,000 entries, about 290 ms -> a few ms).
 *
 * The sums are kept by a statement-level trigger on ledger_entries (transition table), in the inserting
 * transaction, so every writer (contributions, costs, grants) keeps them without knowing; a backdated
 * entry lands in its own month. Entries are append-only (UPDATE, DELETE and TRUNCATE are refused), so the
 * sums never go stale. Existing entries are summed here once.
 */
export class Reports1764288400000 implements MigrationInterface {
  name = 'Reports1764288400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_month_sums (
        fund_id uuid NOT NULL REFERENCES funds(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        account text NOT NULL,
        amount bigint NOT NULL,
        PRIMARY KEY (fund_id, month, account)
      )`);
    await q.query(`
      CREATE FUNCTION ledger_month_sums_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ledger_month_sums (fund_id, month, account, amount)
        SELECT fund_id, date_trunc('month', effective_at AT TIME ZONE 'UTC')::date, account, sum(amount)
        FROM new_entries GROUP BY 1, 2, 3
        ON CONFLICT (fund_id, month, account) DO UPDATE SET amount = ledger_month_sums.amount + EXCLUDED.amount;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_entries_month_sums AFTER INSERT ON ledger_entries
      REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_sums_add()`);
    await q.query(`
      INSERT INTO ledger_month_sums (fund_id, month, account, amount)
      SELECT fund_id, date_trunc('month', effective_at AT TIME ZONE 'UTC')::date, account, sum(amount)
      FROM ledger_entries GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ledger_entries_month_sums ON ledger_entries`);
    await q.query(`DROP FUNCTION ledger_month_sums_add()`);
    await q.query(`DROP TABLE ledger_month_sums`);
  }
}
