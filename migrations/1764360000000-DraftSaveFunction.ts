import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The draft save in one round trip (issue 20's deadline rush, ADR 0021): `application_draft_save` locks
 * the draft, checks that the save is allowed, writes the fields, the budget lines and the day's tally and
 * returns the view's row, all in one call made outside any client transaction. PL/pgSQL runs each of its
 * statements with a snapshot of its own (READ COMMITTED), so the write and the answer see everything
 * committed before the lock was granted, and it keeps each statement's plan for the connection.
 *
 * The checks here are a gate, not the rules' statement: the same rules, in the same order, are
 * ApplicationsService's (owner, status 'draft', the call accepting, the deadline on the app's clock passed
 * in as `p_at`, `fitProblems`). When the gate refuses, the function writes nothing and returns no row; the
 * service then takes the draft's lock in a transaction of its own and names the refusal, or, if the draft
 * changed in between and now passes, saves it by calling this function again under that lock.
 * `test/e2e/draft-save-gate.e2e-spec.ts` checks that the gate and `fitProblems` agree.
 *
 * Budget lines: lines 1..k upserted in place, lines after k deleted when a budget is given (k = its
 * length); `p_requested` is its total, or null to keep the draft's. A null field is left as it is.
 */
export class DraftSaveFunction1764360000000 implements MigrationInterface {
  name = 'DraftSaveFunction1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION application_draft_save(
        p_id uuid, p_organization_id uuid, p_at timestamptz,
        p_title text, p_summary text, p_countries text[], p_services text[], p_expected_victims int,
        p_categories text[], p_descriptions text[], p_amounts bigint[], p_requested bigint,
        p_fields text[], p_actor_id uuid, p_address text)
      RETURNS TABLE (
        id uuid, call_id uuid, fund_id uuid, organization_id uuid, organization_name text, blind boolean,
        title text, summary text, countries text[], services text[], expected_victims int, requested text,
        currency text, status text, eligibility_reason text, submitted_at timestamptz,
        screened_at timestamptz, withdrawn_at timestamptz, decided_at timestamptz, created_at timestamptz,
        updated_at timestamptz, line_categories text[], line_descriptions text[], line_amounts text[],
        file_ids text[], file_names text[], file_mimes text[], file_sizes int[], file_hashes text[],
        file_times timestamptz[])
      LANGUAGE plpgsql VOLATILE AS $fn$
      #variable_conflict use_column
      DECLARE
        d record;
        kept_categories text[];
        kept_descriptions text[];
        kept_amounts text[];
      BEGIN
        SELECT a.organization_id AS owner, a.status AS app_status,
          coalesce(p_countries, a.countries) AS new_countries,
          coalesce(p_services, a.services) AS new_services,
          coalesce(p_requested, a.requested) AS new_requested,
          c.status AS call_status, c.deadline AS call_deadline, c.themes AS call_themes,
          c.eligible_countries AS call_countries, c.min_award AS call_min, c.max_award AS call_max
        INTO d
        FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE a.id = p_id FOR UPDATE OF a;
        IF NOT FOUND
          OR d.owner IS DISTINCT FROM p_organization_id
          OR d.app_status <> 'draft'
          OR d.call_status NOT IN ('published', 'open')
          OR (d.call_deadline IS NOT NULL AND p_at >= d.call_deadline)
          OR NOT (d.new_countries <@ d.call_countries)
          OR NOT (d.new_services <@ d.call_themes)
          OR (d.call_min IS NOT NULL AND d.call_max IS NOT NULL
              AND (d.new_requested < d.call_min OR d.new_requested > d.call_max))
        THEN
          RETURN;
        END IF;
        -- without a budget the lines stay as they are: read here, under the lock, in a statement of their
        -- own (in the write's statement a filter on p_categories made its generic plan look costly, so
        -- PostgreSQL planned it again on every call)
        IF p_categories IS NULL THEN
          SELECT array_agg(l.category ORDER BY l.n), array_agg(l.description ORDER BY l.n),
            array_agg(l.amount::text ORDER BY l.n)
          INTO kept_categories, kept_descriptions, kept_amounts
          FROM application_budget_lines l WHERE l.application_id = p_id;
        END IF;

        RETURN QUERY
        WITH a AS (
          UPDATE applications SET title = coalesce(p_title, title), summary = coalesce(p_summary, summary),
            countries = d.new_countries, services = d.new_services,
            expected_victims = coalesce(p_expected_victims, expected_victims), requested = d.new_requested,
            updated_at = now()
          WHERE id = p_id
          RETURNING *),
        put AS (
          INSERT INTO application_budget_lines (application_id, n, category, description, amount)
          SELECT p_id, t.n, t.category, t.description, t.amount
          FROM unnest(p_categories, p_descriptions, p_amounts) WITH ORDINALITY AS t(category, description, amount, n)
          ON CONFLICT (application_id, n) DO UPDATE SET category = EXCLUDED.category,
            description = EXCLUDED.description, amount = EXCLUDED.amount),
        cut AS (
          DELETE FROM application_budget_lines l
          WHERE p_categories IS NOT NULL AND l.application_id = p_id AND l.n > cardinality(p_categories)),
        tally AS (
          INSERT INTO application_edit_days
            (application_id, day, saves, fields, requested, first_at, last_at, last_actor_id, last_address)
          VALUES (p_id, (p_at AT TIME ZONE 'UTC')::date, 1, p_fields, d.new_requested, p_at, p_at,
            p_actor_id, p_address)
          ON CONFLICT (application_id, day) DO UPDATE SET
            saves = application_edit_days.saves + 1,
            fields = ARRAY(SELECT DISTINCT f FROM unnest(application_edit_days.fields || EXCLUDED.fields) f ORDER BY f),
            requested = EXCLUDED.requested,
            last_at = EXCLUDED.last_at,
            last_actor_id = EXCLUDED.last_actor_id,
            last_address = EXCLUDED.last_address,
            audited_at = NULL)
        SELECT a.id, a.call_id, a.fund_id, a.organization_id, o.name, c.blind, a.title, a.summary,
          a.countries, a.services, a.expected_victims, a.requested::text, a.currency::text, a.status,
          a.eligibility_reason, a.submitted_at, a.screened_at, a.withdrawn_at, a.decided_at, a.created_at,
          a.updated_at, kept_categories, kept_descriptions, kept_amounts, files.ids, files.names,
          files.mimes, files.sizes, files.hashes, files.times
        FROM a JOIN organizations o ON o.id = a.organization_id JOIN calls c ON c.id = a.call_id
        CROSS JOIN LATERAL (
          SELECT array_agg(f.id::text ORDER BY f.created_at, f.id) AS ids,
            array_agg(f.filename ORDER BY f.created_at, f.id) AS names,
            array_agg(f.mime ORDER BY f.created_at, f.id) AS mimes,
            array_agg(f.size ORDER BY f.created_at, f.id) AS sizes,
            array_agg(f.sha256::text ORDER BY f.created_at, f.id) AS hashes,
            array_agg(f.created_at ORDER BY f.created_at, f.id) AS times
          FROM application_attachments f WHERE f.application_id = p_id) files;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION application_draft_save(uuid, uuid, timestamptz, text, text, text[], text[], int, text[],
        text[], bigint[], bigint, text[], uuid, text)`,
    );
  }
}
