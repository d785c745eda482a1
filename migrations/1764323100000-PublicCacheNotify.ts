import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public reads' cache (issue 20, ADR 0014): every committed change to a table that a public route reads
 * (calls, the public figures, the open-data settings) sends `NOTIFY public_cache, '<table>'`. Each API
 * process LISTENs and drops its cached answers when one arrives. PostgreSQL delivers a notification only
 * when its transaction commits, and folds identical ones of one transaction into one, so a statement-level
 * trigger costs one notification per writing transaction and table, and a rolled-back write sends nothing.
 *
 * Applications are left out on purpose: draft saves (the deadline rush) must not empty the public cache,
 * and a public answer shows an application only once it is a grant (the grants' tables are listed).
 */
export const PUBLIC_CACHE_TABLES = [
  'calls',
  'funds',
  'organizations',
  'donors',
  'contributions',
  'grants',
  'grant_tranches',
  'grant_returns',
  'grant_reports',
  'grant_report_victims',
  'open_data_settings',
  'open_data_sensitive_grants',
  'open_data_donor_consent',
];

export class PublicCacheNotify1764323100000 implements MigrationInterface {
  name = 'PublicCacheNotify1764323100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_public_cache() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('public_cache', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of PUBLIC_CACHE_TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_public_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION notify_public_cache()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of PUBLIC_CACHE_TABLES) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_public_cache ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS notify_public_cache()`);
  }
}
