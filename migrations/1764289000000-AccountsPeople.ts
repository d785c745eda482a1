import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people run themselves: the user's locale, the organization-admin flag (one per organization),
 * e-mail confirmation of self-registered NGO members, invitations, single-use account links (stored only as
 * a SHA-256 hash), notification preferences per kind of notice and the daily digest (one per user and day).
 *
 * Existing users keep working: they are confirmed, speak English, and the first NGO member of each
 * organization becomes its admin.
 */
export class AccountsPeople1764289000000 implements MigrationInterface {
  name = 'AccountsPeople1764289000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN locale text NOT NULL DEFAULT 'en'
          CONSTRAINT users_locale_check CHECK (locale IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
        ADD COLUMN is_org_admin boolean NOT NULL DEFAULT false,
        ADD COLUMN awaiting_confirmation boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT users_org_admin_has_org CHECK (NOT is_org_admin OR organization_id IS NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX users_one_org_admin ON users (organization_id) WHERE is_org_admin`);
    await q.query(`
      UPDATE users SET is_org_admin = true WHERE id IN (
        SELECT DISTINCT ON (organization_id) id FROM users
        WHERE organization_id IS NOT NULL AND 'ngo' = ANY(roles)
        ORDER BY organization_id, created_at, id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        organization_id uuid REFERENCES organizations(id),
        donor_id uuid REFERENCES donors(id),
        fund_ids uuid[] NOT NULL DEFAULT '{}',
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
        invited_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES users(id),
        revoked_at timestamptz,
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX invitations_pending_email ON invitations (lower(email))
       WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX invitations_org_idx ON invitations (organization_id, created_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'email_confirmation')),
        token_hash bytea NOT NULL UNIQUE,
        invitation_id uuid REFERENCES invitations(id),
        user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        mailed_at timestamptz,
        CHECK ((purpose = 'invitation') = (invitation_id IS NOT NULL)),
        CHECK (purpose <> 'email_confirmation' OR user_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX account_tokens_invitation_idx ON account_tokens (invitation_id)`);
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id)`);

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('portal', 'email', 'digest')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      ALTER TABLE notifications ADD COLUMN delivery text NOT NULL DEFAULT 'email'
        CHECK (delivery IN ('portal', 'email', 'digest'))`);
    await q.query(
      `CREATE INDEX notifications_digest_idx ON notifications (created_at, user_id) WHERE delivery = 'digest'`,
    );
    await q.query(`
      CREATE TABLE notification_digests (
        user_id uuid NOT NULL REFERENCES users(id),
        day date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        mailed_at timestamptz,
        PRIMARY KEY (user_id, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_digests`);
    await q.query(`DROP INDEX notifications_digest_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN delivery`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP INDEX users_one_org_admin`);
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_org_admin_has_org,
        DROP COLUMN awaiting_confirmation, DROP COLUMN is_org_admin, DROP COLUMN locale`);
  }
}
