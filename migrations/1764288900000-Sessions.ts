import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in (issue 13): sessions with rotating refresh tokens (one family per sign-in), single-use tokens
 * for password reset and the two-factor step, and TOTP enrolments with hashed recovery codes. Every token
 * is stored only as its SHA-256 hash.
 */
export class Sessions1764288900000 implements MigrationInterface {
  name = 'Sessions1764288900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        user_agent text,
        address text,
        mfa_enrolment_required boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX user_sessions_user_idx ON user_sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
        session_id uuid NOT NULL REFERENCES user_sessions(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
    await q.query(`
      CREATE TABLE auth_tokens (
        token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
        kind text NOT NULL CHECK (kind IN ('password_reset', 'mfa_step')),
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id, kind) WHERE used_at IS NULL`);
    await q.query(`
      CREATE TABLE user_mfa (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        secret text NOT NULL,
        confirmed_at timestamptz,
        last_used_step bigint CHECK (last_used_step >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mfa_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        code_hash bytea NOT NULL CHECK (length(code_hash) = 32),
        used_at timestamptz,
        UNIQUE (user_id, code_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_recovery_codes`);
    await q.query(`DROP TABLE user_mfa`);
    await q.query(`DROP TABLE auth_tokens`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE user_sessions`);
  }
}
