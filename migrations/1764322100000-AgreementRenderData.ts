import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data each agreement version was generated from (issue 22), so that a signed copy of the very
 * version, carrying the signatures recorded on it, can be printed later. Versions generated before this
 * migration have none: their signed copy is the version itself.
 */
export class AgreementRenderData1764322100000 implements MigrationInterface {
  name = 'AgreementRenderData1764322100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE grant_agreements ADD COLUMN data jsonb CHECK (data IS NULL OR jsonb_typeof(data) = 'object')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE grant_agreements DROP COLUMN data`);
  }
}
