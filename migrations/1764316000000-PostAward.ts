import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After the award (issue 18, ADR 0012): a fund's agreement workflow, the offer's acceptance on the grant, the
 * generated agreement's versions with their signatures, the grant's budget lines, amendments, the report
 * schedule, assurance (spot checks, monitoring visits, audits) with findings, action points and refunds.
 * Grants approved before this keep the contract's simple workflow.
 */
export class PostAward1764316000000 implements MigrationInterface {
  name = 'PostAward1764316000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grant_fund_settings (
        fund_id uuid PRIMARY KEY REFERENCES funds(id),
        workflow text NOT NULL DEFAULT 'simple' CHECK (workflow IN ('simple', 'full')),
        acceptance_days int NOT NULL DEFAULT 30 CHECK (acceptance_days BETWEEN 1 AND 365),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    await q.query(`
      ALTER TABLE grants
        ADD COLUMN workflow text NOT NULL DEFAULT 'simple' CHECK (workflow IN ('simple', 'full')),
        ADD COLUMN offer_state text CHECK (offer_state IN ('offered', 'accepted', 'declined', 'withdrawn')),
        ADD COLUMN respond_by timestamptz,
        ADD COLUMN offer_decided_at timestamptz,
        ADD COLUMN offer_note text,
        ADD COLUMN language text CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
        ADD COLUMN signatory_id uuid,
        ADD COLUMN end_date date,
        ADD COLUMN original_amount bigint,
        ADD COLUMN offer_reminded_at timestamptz,
        ADD COLUMN offer_lapsed_noticed_at timestamptz,
        ADD CONSTRAINT grants_full_has_offer CHECK (workflow = 'simple' OR offer_state IS NOT NULL)`);
    await q.query(`CREATE INDEX grants_offered_idx ON grants (respond_by) WHERE offer_state = 'offered'`);

    await q.query(`
      CREATE TABLE grant_agreements (
        grant_id uuid NOT NULL REFERENCES grants(id),
        version int NOT NULL CHECK (version >= 1),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        language text NOT NULL,
        generated_at timestamptz NOT NULL,
        pdf bytea NOT NULL,
        PRIMARY KEY (grant_id, version)
      )`);
    await q.query(`
      CREATE TABLE grant_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL,
        version int NOT NULL,
        party text NOT NULL CHECK (party IN ('ngo', 'fund_manager')),
        user_id uuid NOT NULL,
        signed_at timestamptz NOT NULL,
        address text,
        sha256 char(64) NOT NULL,
        FOREIGN KEY (grant_id, version) REFERENCES grant_agreements(grant_id, version),
        CONSTRAINT grant_signatures_once UNIQUE (grant_id, version, party)
      )`);

    await q.query(`
      CREATE TABLE grant_budget_lines (
        grant_id uuid NOT NULL REFERENCES grants(id),
        n int NOT NULL CHECK (n >= 1),
        label text NOT NULL,
        amount bigint NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (grant_id, n)
      )`);
    await q.query(`
      CREATE TABLE grant_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        version int NOT NULL CHECK (version >= 1),
        kind text NOT NULL CHECK (kind IN ('no_cost_extension', 'budget_revision', 'cost_extension')),
        state text NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'recorded')),
        reason text NOT NULL,
        end_date date,
        moves jsonb,
        amount bigint CHECK (amount > 0),
        psc_amount bigint CHECK (psc_amount >= 0),
        requested_by uuid,
        requested_at timestamptz NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        decision_note text,
        CONSTRAINT grant_amendments_version_key UNIQUE (grant_id, version)
      )`);
    await q.query(`
      CREATE TABLE grant_report_schedule (
        grant_id uuid NOT NULL REFERENCES grants(id),
        n int NOT NULL CHECK (n >= 1),
        final boolean NOT NULL,
        due_on date NOT NULL,
        report_id uuid REFERENCES grant_reports(id),
        reminded_at timestamptz,
        overdue_noticed_at timestamptz,
        PRIMARY KEY (grant_id, n)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX grant_report_schedule_one_final ON grant_report_schedule (grant_id) WHERE final`,
    );
    await q.query(`
      CREATE TABLE grant_report_lines (
        report_id uuid NOT NULL REFERENCES grant_reports(id),
        n int NOT NULL CHECK (n >= 1),
        spent bigint NOT NULL CHECK (spent >= 0),
        PRIMARY KEY (report_id, n)
      )`);

    await q.query(`
      CREATE TABLE grant_assurance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        kind text NOT NULL CHECK (kind IN ('spot_check', 'monitoring_visit', 'audit')),
        planned_on date NOT NULL,
        assignee text NOT NULL,
        state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'completed')),
        report_id uuid REFERENCES grant_reports(id),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid
      )`);
    await q.query(`CREATE INDEX grant_assurance_grant_idx ON grant_assurance (grant_id)`);
    await q.query(`
      CREATE TABLE grant_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        activity_id uuid NOT NULL REFERENCES grant_assurance(id),
        severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        text text NOT NULL,
        ineligible_amount bigint NOT NULL DEFAULT 0 CHECK (ineligible_amount >= 0)
      )`);
    await q.query(`
      CREATE TABLE grant_action_points (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        finding_id uuid NOT NULL REFERENCES grant_findings(id),
        text text NOT NULL,
        owner text NOT NULL,
        due_on date NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        closed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE grant_refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grants(id),
        finding_id uuid NOT NULL REFERENCES grant_findings(id),
        amount bigint NOT NULL CHECK (amount > 0),
        state text NOT NULL DEFAULT 'owed' CHECK (state IN ('owed', 'received')),
        return_id uuid REFERENCES grant_returns(id),
        received_at timestamptz,
        CONSTRAINT grant_refunds_received_has_return CHECK (state = 'owed' OR return_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX grant_findings_grant_idx ON grant_findings (grant_id)`);
    await q.query(`CREATE INDEX grant_action_points_grant_idx ON grant_action_points (grant_id)`);
    await q.query(`CREATE INDEX grant_refunds_grant_idx ON grant_refunds (grant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'grant_refunds',
      'grant_action_points',
      'grant_findings',
      'grant_assurance',
      'grant_report_lines',
      'grant_report_schedule',
      'grant_amendments',
      'grant_budget_lines',
      'grant_signatures',
      'grant_agreements',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP INDEX grants_offered_idx`);
    await q.query(`
      ALTER TABLE grants DROP CONSTRAINT grants_full_has_offer, DROP COLUMN workflow, DROP COLUMN offer_state,
        DROP COLUMN respond_by, DROP COLUMN offer_decided_at, DROP COLUMN offer_note, DROP COLUMN language,
        DROP COLUMN signatory_id, DROP COLUMN end_date, DROP COLUMN original_amount,
        DROP COLUMN offer_reminded_at, DROP COLUMN offer_lapsed_noticed_at`);
    await q.query(`DROP TABLE grant_fund_settings`);
  }
}
