import { MigrationInterface, QueryRunner } from 'typeorm';

/** Snapshots of each fund's balance, written by the balance job when anything changed. */
export class BalanceSnapshots1764288150000 implements MigrationInterface {
  name = 'BalanceSnapshots1764288150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fund_balance_snapshots (
        id bigserial PRIMARY KEY,
        fund_id uuid NOT NULL REFERENCES funds(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        received bigint NOT NULL,
        pledged bigint NOT NULL,
        committed bigint NOT NULL,
        disbursed bigint NOT NULL,
        outstanding bigint NOT NULL,
        returned bigint NOT NULL,
        psc bigint NOT NULL,
        costs bigint NOT NULL,
        available bigint NOT NULL,
        target bigint NOT NULL,
        reason text NOT NULL DEFAULT 'change'
      )`);
    await q.query(
      `CREATE INDEX fund_balance_snapshots_fund_idx ON fund_balance_snapshots (fund_id, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fund_balance_snapshots`);
  }
}
