import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forecast of each fund's available balance (docs/adr/0016-forecast.md), written by the balance job
 * daily and after money events: one current row per fund, with the inputs it used and its answer, and the
 * expected month at the last notice to the fund managers (a move of three months or more since then
 * raises the next notice).
 */
export class FundForecasts1764325000000 implements MigrationInterface {
  name = 'FundForecasts1764325000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fund_forecasts (
        fund_id uuid PRIMARY KEY REFERENCES funds(id),
        computed_at timestamptz NOT NULL,
        as_of timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('no_history', 'reached', 'expected', 'not_within_horizon')),
        expected_month char(7) CHECK (expected_month ~ '^\\d{4}-\\d{2}$'),
        low_month char(7),
        high_month char(7),
        inputs jsonb NOT NULL,
        answer jsonb NOT NULL,
        noticed_status text,
        noticed_month char(7),
        noticed_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fund_forecasts`);
  }
}
