import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fund's closed period: finance closes the books through a day (`fund_balances.closed_through`), after
 * which no posting may take effect on or before it, so an issued statement never changes.
 *
 * The database enforces it: a trigger on `ledger_postings` refuses such a posting. It reads the fund's row
 * that every posting locks before its posting row is inserted (LedgerService.post), and closing a period
 * updates that same row, so a close and a posting are serialised and neither can slip past the other.
 */
export class ClosedPeriods1764288500000 implements MigrationInterface {
  name = 'ClosedPeriods1764288500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE fund_balances ADD COLUMN closed_through date, ADD COLUMN closed_at timestamptz`,
    );
    await q.query(`
      CREATE FUNCTION ledger_posting_period_open() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
      DECLARE through date;
      BEGIN
        SELECT closed_through INTO through FROM fund_balances WHERE fund_id = NEW.fund_id;
        IF through IS NOT NULL AND NEW.effective_at < (through + 1)::timestamp AT TIME ZONE 'UTC' THEN
          RAISE EXCEPTION 'the period of fund % is closed through %', NEW.fund_id, through
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_postings_period_open',
                  DETAIL = to_char(through, 'YYYY-MM-DD');
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_postings_period_open BEFORE INSERT ON ledger_postings
      FOR EACH ROW EXECUTE FUNCTION ledger_posting_period_open()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ledger_postings_period_open ON ledger_postings`);
    await q.query(`DROP FUNCTION ledger_posting_period_open()`);
    await q.query(`ALTER TABLE fund_balances DROP COLUMN closed_through, DROP COLUMN closed_at`);
  }
}
