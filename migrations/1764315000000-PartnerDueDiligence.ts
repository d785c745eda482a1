import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner due diligence (issue 17, docs/adr/0010-partner-due-diligence.md), the partners context's tables:
 * the NGO's profile (with its bank account and a pending bank change), its documents, the fund settings of
 * due diligence, the UN Security Council sanctions list versions and their names (trigram-indexed for
 * pg_trgm similarity), screening hits (one per organization, list entry and normalized name, so a cleared
 * pair is never raised again), capacity assessments (the risk rating's history), observations and
 * duplicate links.
 */
export class PartnerDueDiligence1764315000000 implements MigrationInterface {
  name = 'PartnerDueDiligence1764315000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE partner_profiles (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id),
        legal_name text,
        other_names text[] NOT NULL DEFAULT '{}',
        acronyms text[] NOT NULL DEFAULT '{}',
        registration_number text,
        registration_country char(2),
        details jsonb NOT NULL DEFAULT '{}',
        bank jsonb,
        bank_iban text,
        pending_bank jsonb,
        bank_change_requested_at timestamptz,
        bank_change_requested_by uuid REFERENCES users(id),
        dd_verified_at timestamptz,
        dd_verified_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id)
      )`);
    await q.query(
      `CREATE INDEX partner_profiles_registration ON partner_profiles (registration_number, registration_country)`,
    );
    await q.query(`CREATE INDEX partner_profiles_iban ON partner_profiles (bank_iban)`);
    await q.query(`
      CREATE TABLE partner_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        type text NOT NULL CHECK (type IN ('registration_certificate', 'statutes', 'audited_financials',
          'psea_policy', 'bank_letter', 'other')),
        filename text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        issued_on date NOT NULL,
        expires_on date,
        reminded_at timestamptz,
        uploaded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_on IS NULL OR expires_on > issued_on)
      )`);
    await q.query(`CREATE INDEX partner_documents_org ON partner_documents (organization_id, type)`);
    await q.query(`
      CREATE TABLE partner_fund_settings (
        fund_id uuid PRIMARY KEY REFERENCES funds(id),
        due_diligence_required boolean NOT NULL DEFAULT false,
        verification_years integer NOT NULL DEFAULT 5 CHECK (verification_years BETWEEN 1 AND 20),
        low_min integer NOT NULL DEFAULT 75,
        medium_min integer NOT NULL DEFAULT 50,
        high_min integer NOT NULL DEFAULT 30,
        max_award_low bigint CHECK (max_award_low > 0),
        max_award_medium bigint CHECK (max_award_medium > 0),
        max_award_high bigint CHECK (max_award_high > 0),
        report_months_low integer NOT NULL DEFAULT 12 CHECK (report_months_low BETWEEN 1 AND 24),
        report_months_medium integer NOT NULL DEFAULT 6 CHECK (report_months_medium BETWEEN 1 AND 24),
        report_months_high integer NOT NULL DEFAULT 3 CHECK (report_months_high BETWEEN 1 AND 24),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (100 >= low_min AND low_min > medium_min AND medium_min > high_min AND high_min >= 0)
      )`);
    await q.query(`
      CREATE TABLE sanctions_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('upload', 'url')),
        date_generated timestamptz,
        sha256 char(64) NOT NULL,
        entries integer NOT NULL DEFAULT 0,
        names integer NOT NULL DEFAULT 0,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by uuid REFERENCES users(id)
      )`);
    await q.query(`
      CREATE TABLE sanctions_entries (
        id bigserial PRIMARY KEY,
        list_id uuid NOT NULL REFERENCES sanctions_lists(id) ON DELETE CASCADE,
        data_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('individual', 'entity')),
        name text NOT NULL,
        alias_quality text,
        normalized text NOT NULL,
        reference_number text,
        list_type text,
        listed_on date
      )`);
    await q.query(`CREATE INDEX sanctions_entries_list ON sanctions_entries (list_id)`);
    await q.query(
      `CREATE INDEX sanctions_entries_trgm ON sanctions_entries USING gin (normalized gin_trgm_ops)`,
    );
    await q.query(`
      CREATE TABLE screening_hits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        list_id uuid NOT NULL REFERENCES sanctions_lists(id),
        data_id text NOT NULL,
        entry_name text NOT NULL,
        subject text NOT NULL,
        subject_normalized text NOT NULL,
        score numeric(4,3) NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared', 'confirmed')),
        reason text,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT screening_hits_pair_key UNIQUE (organization_id, data_id, subject_normalized),
        CHECK ((status = 'open') = (resolved_at IS NULL))
      )`);
    await q.query(`
      CREATE TABLE risk_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        answers jsonb NOT NULL,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        level text NOT NULL CHECK (level IN ('low', 'medium', 'high', 'not_eligible')),
        note text,
        assessed_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX risk_assessments_org_fund ON risk_assessments (organization_id, fund_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE partner_observations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        level text NOT NULL CHECK (level IN ('yellow', 'red')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        history jsonb NOT NULL DEFAULT '[]',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_observations_org ON partner_observations (organization_id)`);
    await q.query(`
      CREATE TABLE partner_duplicates (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        other_id uuid NOT NULL REFERENCES organizations(id),
        reason text NOT NULL CHECK (reason IN ('registration', 'bank_account')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, other_id, reason),
        CHECK (organization_id <> other_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'partner_duplicates',
      'partner_observations',
      'risk_assessments',
      'screening_hits',
      'sanctions_entries',
      'sanctions_lists',
      'partner_fund_settings',
      'partner_documents',
      'partner_profiles',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
