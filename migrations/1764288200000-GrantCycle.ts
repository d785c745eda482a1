import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grant cycle up to the decision: calls for proposals, applications (with budget lines and attachments)
 * and review assignments with their scores. Drafts of calls may be incomplete; anything past draft must be
 * complete (checked here as well as by the service).
 */
export class GrantCycle1764288200000 implements MigrationInterface {
  name = 'GrantCycle1764288200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        themes text[] NOT NULL DEFAULT '{}' CHECK (themes <@ ARRAY['shelter','psychological_support','legal_aid',
          'education_training','health_care','stipends']::text[]),
        eligible_countries text[] NOT NULL DEFAULT '{}',
        min_award bigint CHECK (min_award > 0),
        max_award bigint CHECK (max_award > 0),
        envelope bigint CHECK (envelope > 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        deadline timestamptz,
        rubric jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rubric) = 'array'),
        blind boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'published', 'open', 'closed', 'under_review', 'decided')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        opened_at timestamptz,
        closed_at timestamptz,
        CONSTRAINT calls_awards_ordered CHECK (min_award IS NULL OR max_award IS NULL OR min_award <= max_award),
        CONSTRAINT calls_max_within_envelope CHECK (max_award IS NULL OR envelope IS NULL OR max_award <= envelope),
        CONSTRAINT calls_complete_after_draft CHECK (status = 'draft' OR (
          description IS NOT NULL AND cardinality(themes) > 0 AND cardinality(eligible_countries) > 0
          AND min_award IS NOT NULL AND max_award IS NOT NULL AND envelope IS NOT NULL
          AND deadline IS NOT NULL AND jsonb_array_length(rubric) > 0))
      )`);
    await q.query(`CREATE INDEX calls_created_idx ON calls (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX calls_fund_status_idx ON calls (fund_id, status)`);
    // The deadline job scans open calls by deadline.
    await q.query(`CREATE INDEX calls_open_deadline_idx ON calls (deadline) WHERE status = 'open'`);

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL,
        countries text[] NOT NULL CHECK (cardinality(countries) > 0),
        services text[] NOT NULL CHECK (cardinality(services) > 0 AND services <@ ARRAY['shelter',
          'psychological_support','legal_aid','education_training','health_care','stipends']::text[]),
        expected_victims int NOT NULL CHECK (expected_victims > 0),
        requested bigint NOT NULL CHECK (requested > 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN
          ('draft', 'submitted', 'eligible', 'ineligible', 'approved', 'rejected', 'withdrawn')),
        eligibility_reason text,
        screened_at timestamptz,
        screened_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        withdrawn_at timestamptz,
        decided_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_submitted_has_time CHECK (status = 'draft' OR status = 'withdrawn' OR submitted_at IS NOT NULL)
      )`);
    // One active application per organization and call; withdrawn ones aside.
    await q.query(`CREATE UNIQUE INDEX applications_one_active_per_org_key ON applications (call_id, organization_id)
      WHERE status <> 'withdrawn'`);
    await q.query(`CREATE INDEX applications_created_idx ON applications (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX applications_call_status_idx ON applications (call_id, status)`);
    await q.query(`CREATE INDEX applications_org_idx ON applications (organization_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE application_budget_lines (
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        n int NOT NULL CHECK (n > 0),
        category text NOT NULL CHECK (category IN ('shelter','psychological_support','legal_aid',
          'education_training','health_care','stipends')),
        description text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        PRIMARY KEY (application_id, n)
      )`);

    await q.query(`
      CREATE TABLE application_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        mime text NOT NULL CHECK (mime IN ('application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
        size int NOT NULL CHECK (size > 0 AND size <= 10485760),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX application_attachments_app_idx ON application_attachments (application_id, created_at)`,
    );

    await q.query(`
      CREATE TABLE review_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        call_id uuid NOT NULL REFERENCES calls(id),
        reviewer_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'conflict', 'submitted')),
        scores jsonb CHECK (scores IS NULL OR jsonb_typeof(scores) = 'array'),
        conflict_reason text,
        assigned_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        conflict_at timestamptz,
        submitted_at timestamptz,
        CONSTRAINT review_assignments_once_key UNIQUE (application_id, reviewer_id),
        CONSTRAINT review_assignments_conflict_has_reason CHECK (status <> 'conflict' OR conflict_reason IS NOT NULL),
        CONSTRAINT review_assignments_submitted_has_scores CHECK (status <> 'submitted' OR scores IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX review_assignments_reviewer_idx ON review_assignments (reviewer_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX review_assignments_call_idx ON review_assignments (call_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'review_assignments',
      'application_attachments',
      'application_budget_lines',
      'applications',
      'calls',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
