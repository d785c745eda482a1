import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Draft saves are not audited one by one (issue 20): the portal saves a draft every few seconds, and in the
 * last hours before a deadline hundreds of NGOs do, so one audit row a save would drown the log. Each save
 * adds to its draft's row for the day (an upsert: how many saves, which fields, the amount requested, the
 * first and last save and who saved last); the row becomes one `application.edited` audit row when the
 * draft is submitted, or by the daily job for the days gone by (`audited_at` then set). The creation and
 * the submission keep their own audit rows.
 */
export class DraftEditDays1764323200000 implements MigrationInterface {
  name = 'DraftEditDays1764323200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_edit_days (
        application_id uuid NOT NULL REFERENCES applications(id),
        day date NOT NULL,
        saves int NOT NULL CHECK (saves > 0),
        fields text[] NOT NULL DEFAULT '{}',
        requested bigint NOT NULL CHECK (requested >= 0),
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        last_actor_id uuid,
        last_address text,
        audited_at timestamptz,
        PRIMARY KEY (application_id, day)
      )`);
    await q.query(
      `CREATE INDEX application_edit_days_unaudited_idx ON application_edit_days (day) WHERE audited_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_edit_days`);
  }
}
