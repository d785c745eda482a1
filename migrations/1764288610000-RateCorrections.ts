import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exchange rates: each fund says how old the newest rate may be before a contribution needs its own
 * `usdRate` (default 45 days), and finance can supersede a mistyped rate. A superseded rate stays (postings
 * that used it keep their recorded rate); only one current rate per currency and day.
 */
export class RateCorrections1764288610000 implements MigrationInterface {
  name = 'RateCorrections1764288610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE funds ADD COLUMN rate_max_age_days int NOT NULL DEFAULT 45
         CONSTRAINT funds_rate_max_age_days_check CHECK (rate_max_age_days BETWEEN 1 AND 3660)`,
    );
    await q.query(`
      ALTER TABLE exchange_rates
        ADD COLUMN superseded_by uuid REFERENCES exchange_rates(id) DEFERRABLE INITIALLY DEFERRED,
        ADD COLUMN superseded_at timestamptz,
        ADD COLUMN superseded_reason text,
        ADD CONSTRAINT exchange_rates_superseded_check
          CHECK ((superseded_by IS NULL) = (superseded_at IS NULL) AND superseded_by IS DISTINCT FROM id)`);
    await q.query(`ALTER TABLE exchange_rates DROP CONSTRAINT exchange_rates_currency_day_key`);
    await q.query(
      `CREATE UNIQUE INDEX exchange_rates_current_key ON exchange_rates (currency, effective_from)
         WHERE superseded_by IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM exchange_rates WHERE superseded_by IS NOT NULL`);
    await q.query(`DROP INDEX exchange_rates_current_key`);
    await q.query(
      `ALTER TABLE exchange_rates ADD CONSTRAINT exchange_rates_currency_day_key UNIQUE (currency, effective_from)`,
    );
    await q.query(`
      ALTER TABLE exchange_rates DROP CONSTRAINT exchange_rates_superseded_check,
        DROP COLUMN superseded_reason, DROP COLUMN superseded_at, DROP COLUMN superseded_by`);
    await q.query(`ALTER TABLE funds DROP COLUMN rate_max_age_days`);
  }
}
