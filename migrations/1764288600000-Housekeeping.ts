import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the nightly purge of old idempotency keys and relayed outbox rows. */
export class Housekeeping1764288600000 implements MigrationInterface {
  name = 'Housekeeping1764288600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idempotency_keys_claimed_idx ON idempotency_keys (claimed_at)`);
    await q.query(`CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_sent_idx`);
    await q.query(`DROP INDEX idempotency_keys_claimed_idx`);
  }
}
