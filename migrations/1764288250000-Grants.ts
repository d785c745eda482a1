import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After the decision: grant agreements with their tranches, grantee reports with aggregate victims-assisted
 * counts (no personal data about survivors), and returns of unspent money. The money itself lives in the
 * ledger; the `paid` and `returned` columns mirror it with constraints that back the services' checks.
 */
export class Grants1764288250000 implements MigrationInterface {
  name = 'Grants1764288250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        call_id uuid NOT NULL REFERENCES calls(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        title text NOT NULL,
        countries text[] NOT NULL,
        services text[] NOT NULL,
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        psc_rate_bps int NOT NULL CHECK (psc_rate_bps BETWEEN 0 AND 10000),
        psc_amount bigint NOT NULL CHECK (psc_amount >= 0),
        paid bigint NOT NULL DEFAULT 0,
        cancelled bigint NOT NULL DEFAULT 0,
        returned bigint NOT NULL DEFAULT 0,
        psc_released bigint NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'cancelled')),
        note text NOT NULL DEFAULT '',
        approved_at timestamptz NOT NULL,
        approved_by uuid,
        signed_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT grants_application_key UNIQUE (application_id),
        CONSTRAINT grants_never_paid_above_award CHECK (paid >= 0 AND paid + cancelled <= amount),
        CONSTRAINT grants_returned_within_paid CHECK (returned >= 0 AND returned <= paid)
      )`);
    await q.query(`CREATE INDEX grants_fund_idx ON grants (fund_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX grants_org_idx ON grants (organization_id)`);
    await q.query(`CREATE INDEX grants_call_idx ON grants (call_id)`);

    await q.query(`
      CREATE TABLE grant_tranches (
        grant_id uuid NOT NULL REFERENCES grants(id),
        n int NOT NULL CHECK (n >= 1),
        percent int NOT NULL CHECK (percent BETWEEN 1 AND 100),
        amount bigint NOT NULL CHECK (amount >= 0),
        psc_amount bigint NOT NULL CHECK (psc_amount >= 0),
        condition text NOT NULL CHECK (condition IN ('on_signature', 'after_report')),
        state text NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'due', 'paid', 'cancelled')),
        due_at timestamptz,
        paid_at timestamptz,
        reference text,
        cancelled_at timestamptz,
        PRIMARY KEY (grant_id, n)
      )`);

    await q.query(`
      CREATE TABLE grant_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        period_end date NOT NULL,
        spent bigint NOT NULL CHECK (spent >= 0),
        narrative text NOT NULL,
        final boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'returned')),
        comment text,
        submitted_at timestamptz NOT NULL,
        submitted_by uuid,
        decided_at timestamptz,
        decided_by uuid
      )`);
    await q.query(`CREATE INDEX grant_reports_grant_idx ON grant_reports (grant_id, submitted_at DESC)`);
    // Aggregate counts only: a service, a country and a number. Nothing about any one survivor.
    await q.query(`
      CREATE TABLE grant_report_victims (
        report_id uuid NOT NULL REFERENCES grant_reports(id),
        service text NOT NULL CHECK (service IN
          ('shelter','psychological_support','legal_aid','education_training','health_care','stipends')),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        count int NOT NULL CHECK (count > 0),
        PRIMARY KEY (report_id, service, country)
      )`);
    // Victims assisted, from accepted reports only: what the reports and the public figures build on.
    await q.query(`
      CREATE VIEW victims_assisted AS
      SELECT g.fund_id, g.id AS grant_id, g.organization_id, g.call_id, r.id AS report_id,
             extract(year FROM r.period_end)::int AS year, v.service, v.country, v.count
      FROM grant_report_victims v
      JOIN grant_reports r ON r.id = v.report_id AND r.status = 'accepted'
      JOIN grants g ON g.id = r.grant_id`);

    await q.query(`
      CREATE TABLE grant_returns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        amount bigint NOT NULL CHECK (amount > 0),
        psc_amount bigint NOT NULL CHECK (psc_amount >= 0),
        note text NOT NULL,
        effective_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid
      )`);
    await q.query(`CREATE INDEX grant_returns_grant_idx ON grant_returns (grant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grant_returns`);
    await q.query(`DROP VIEW victims_assisted`);
    await q.query(`DROP TABLE grant_report_victims`);
    await q.query(`DROP TABLE grant_reports`);
    await q.query(`DROP TABLE grant_tranches`);
    await q.query(`DROP TABLE grants`);
  }
}
