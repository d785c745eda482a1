import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queued jobs: a per-fund posting sequence (postings of one fund are serialised by the lock on their
 * `fund_balances` row, so `seq` grows in commit order within a fund), the recalculation watermark,
 * target-crossing and drift alerts, and the mail mark on notifications.
 *
 * Exactly one alert per crossing is the database's job: crossings of a fund are numbered 1, 2, 3 ...,
 * UNIQUE (fund_id, seq), up crossings odd and down crossings even (CHECK). A second writer of the same
 * crossing collides on the unique key, and two `up` alerts in a row cannot both exist.
 */
export class Jobs1764288300000 implements MigrationInterface {
  name = 'Jobs1764288300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_postings ADD COLUMN seq bigserial NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ledger_postings_fund_seq_idx ON ledger_postings (fund_id, seq)`);

    await q.query(`
      CREATE TABLE fund_balance_state (
        fund_id uuid PRIMARY KEY REFERENCES funds(id),
        covered_seq bigint NOT NULL DEFAULT 0,
        available bigint NOT NULL DEFAULT 0,
        checked_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE fund_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id),
        type text NOT NULL CHECK (type IN ('crossing', 'drift')),
        seq int,
        direction text CHECK (direction IN ('up', 'down')),
        available bigint NOT NULL,
        target bigint NOT NULL,
        posting_id uuid REFERENCES ledger_postings(id),
        run_id text,
        detail jsonb NOT NULL DEFAULT '{}',
        -- milliseconds, so the (at, id) keyset cursor round-trips through a JS Date
        at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        CONSTRAINT fund_alerts_crossing_shape CHECK (type <> 'crossing' OR (
          seq IS NOT NULL AND seq > 0 AND direction IS NOT NULL
          AND (direction = 'up') = (seq % 2 = 1))),
        CONSTRAINT fund_alerts_drift_shape CHECK (type <> 'drift' OR run_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX fund_alerts_crossing_key ON fund_alerts (fund_id, seq) WHERE type = 'crossing'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX fund_alerts_drift_key ON fund_alerts (fund_id, run_id) WHERE type = 'drift'`,
    );
    await q.query(`CREATE INDEX fund_alerts_fund_idx ON fund_alerts (fund_id, type, at DESC, id DESC)`);

    await q.query(`ALTER TABLE notifications ADD COLUMN mailed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN mailed_at`);
    await q.query(`DROP TABLE fund_alerts`);
    await q.query(`DROP TABLE fund_balance_state`);
    await q.query(`DROP INDEX ledger_postings_fund_seq_idx`);
    await q.query(`ALTER TABLE ledger_postings DROP COLUMN seq`);
  }
}
