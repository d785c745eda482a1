import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 item 10: audit rows carry the fund they concern, so an admin limited to some funds sees only
 * those funds' rows. The database derives the fund on insert from the audited entity (fund, call,
 * application, review assignment, grant, contribution, pledge) or from `summary.fundId`, so every writer,
 * including one-statement CTE inserts, is covered; rows of no fund (users, donors, organizations, exchange
 * rates) keep NULL and are listed to admins of every fund only. Existing rows are filled once.
 */
export class AuditFundScope1764288700000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN fund_id uuid`);
    await q.query(`
      CREATE FUNCTION audit_fund_of(p_entity text, p_entity_id text, p_summary jsonb) RETURNS uuid
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        uuid_re constant text := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
        v_id uuid;
        found uuid;
      BEGIN
        IF p_entity_id ~ uuid_re THEN
          v_id := p_entity_id::uuid;
          found := CASE p_entity
            WHEN 'fund' THEN (SELECT f.id FROM funds f WHERE f.id = v_id)
            WHEN 'call' THEN (SELECT c.fund_id FROM calls c WHERE c.id = v_id)
            WHEN 'application' THEN (SELECT a.fund_id FROM applications a WHERE a.id = v_id)
            WHEN 'review_assignment' THEN (
              SELECT a.fund_id FROM review_assignments r JOIN applications a ON a.id = r.application_id
              WHERE r.id = v_id)
            WHEN 'grant' THEN (SELECT g.fund_id FROM grants g WHERE g.id = v_id)
            WHEN 'contribution' THEN (SELECT c.fund_id FROM contributions c WHERE c.id = v_id)
            WHEN 'pledge' THEN (SELECT p.fund_id FROM pledges p WHERE p.id = v_id)
          END;
        END IF;
        IF found IS NULL AND coalesce(p_summary->>'fundId', '') ~ uuid_re THEN
          found := (p_summary->>'fundId')::uuid;
        END IF;
        RETURN found;
      END $$`);
    await q.query(`
      CREATE FUNCTION audit_log_set_fund() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.fund_id IS NULL THEN
          NEW.fund_id := audit_fund_of(NEW.entity, NEW.entity_id, NEW.summary);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_fund BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_set_fund()`);
    // The log is append-only; this one-time fill is the migration's own, with the guard off meanwhile.
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`UPDATE audit_log SET fund_id = audit_fund_of(entity, entity_id, summary)`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await q.query(`CREATE INDEX audit_log_fund_idx ON audit_log (fund_id, at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_fund_idx`);
    await q.query(`DROP TRIGGER audit_log_fund ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_set_fund()`);
    await q.query(`DROP FUNCTION audit_fund_of(text, text, jsonb)`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN fund_id`);
  }
}
