import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open data (issue 19): each fund's IATI publishing settings, the grants marked sensitive, and the donors
 * that consent to be named in the public downloads. Three tables of the open-data context; the grants',
 * funds' and donors' own tables are left as they are.
 */
export class OpenData1764317000000 implements MigrationInterface {
  name = 'OpenData1764317000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE open_data_settings (
        fund_id uuid PRIMARY KEY REFERENCES funds(id),
        iati_org_ref text CHECK (iati_org_ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$'),
        iati_org_type text NOT NULL DEFAULT '40',
        sectors jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sectors) = 'object'),
        sensitive_policy text NOT NULL DEFAULT 'exclude' CHECK (sensitive_policy IN ('exclude', 'redact')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    // One row per grant ever marked: unmarking keeps the row (sensitive = false), so the time of the last
    // change stays known and the files' last-updated-datetime never goes back.
    await q.query(`
      CREATE TABLE open_data_sensitive_grants (
        grant_id uuid PRIMARY KEY REFERENCES grants(id),
        sensitive boolean NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    await q.query(`
      CREATE TABLE open_data_donor_consent (
        donor_id uuid PRIMARY KEY REFERENCES donors(id),
        public_consent boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE open_data_donor_consent`);
    await q.query(`DROP TABLE open_data_sensitive_grants`);
    await q.query(`DROP TABLE open_data_settings`);
  }
}
