import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fund's logo (issue 22): one PNG or JPEG per fund, printed on the letterhead of its receipts,
 * statements and agreements. Stored in the database beside the other uploaded files (attachments,
 * due-diligence documents), checked by its bytes before it is written; the size and type are checked
 * here again so no other writer can store what the letterhead cannot print.
 */
export class FundLogos1764322000000 implements MigrationInterface {
  name = 'FundLogos1764322000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fund_logos (
        fund_id uuid PRIMARY KEY REFERENCES funds(id),
        mime text NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
        content bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 524288),
        width int NOT NULL CHECK (width BETWEEN 1 AND 4096),
        height int NOT NULL CHECK (height BETWEEN 1 AND 4096),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_at timestamptz NOT NULL,
        uploaded_by uuid
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fund_logos`);
  }
}
