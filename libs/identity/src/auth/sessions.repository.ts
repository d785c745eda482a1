import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * SQL of sign-in sessions, refresh tokens (one family per session) and single-use auth tokens (password
 * reset, two-factor step). Tokens are looked up by their SHA-256 only. Security tokens run on the
 * database's real time (now()), never on the replayable clock.
 */
export interface SessionRow {
  id: string;
  user_id: string;
  user_agent: string | null;
  address: string | null;
  mfa_enrolment_required: boolean;
  created_at: Date;
  last_used_at: Date;
}

export interface Session {
  id: string;
  userId: string;
  userAgent: string | null;
  address: string | null;
  mfaEnrolmentRequired: boolean;
  createdAt: Date;
  lastUsedAt: Date;
}

const SESSION_COLUMNS = `id, user_id, user_agent, address, mfa_enrolment_required, created_at, last_used_at`;

function toSession(r: SessionRow): Session {
  return {
    id: r.id,
    userId: r.user_id,
    userAgent: r.user_agent,
    address: r.address,
    mfaEnrolmentRequired: r.mfa_enrolment_required,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  };
}

export interface RefreshTokenState {
  sessionId: string;
  userId: string;
  used: boolean;
  /** The session (family) is revoked or past its end. */
  sessionDead: boolean;
}

export type AuthTokenKind = 'password_reset' | 'mfa_step';

@Injectable()
export class SessionsRepository {
  async insertSession(
    em: EntityManager,
    s: { userId: string; userAgent: string | null; address: string; mfaEnrolmentRequired: boolean },
    ttlSeconds: number,
  ): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO user_sessions (user_id, user_agent, address, mfa_enrolment_required, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING id`,
      [s.userId, s.userAgent?.slice(0, 500) ?? null, s.address, s.mfaEnrolmentRequired, ttlSeconds],
    );
    return row.id;
  }

  async insertRefreshToken(em: EntityManager, sessionId: string, hash: Buffer): Promise<void> {
    await em.query(`INSERT INTO refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [hash, sessionId]);
  }

  /** Locks the token and its session (token first), so two uses of one token are seen one after the other. */
  async lockRefreshToken(em: EntityManager, hash: Buffer): Promise<RefreshTokenState | undefined> {
    const rows: { session_id: string; user_id: string; used: boolean; dead: boolean }[] = await em.query(
      `SELECT t.session_id, s.user_id, t.used_at IS NOT NULL AS used,
              (s.revoked_at IS NOT NULL OR s.expires_at <= now()) AS dead
       FROM refresh_tokens t JOIN user_sessions s ON s.id = t.session_id
       WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
      [hash],
    );
    const r = rows[0];
    return r && { sessionId: r.session_id, userId: r.user_id, used: r.used, sessionDead: r.dead };
  }

  async markRefreshTokenUsed(em: EntityManager, hash: Buffer): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1`, [hash]);
  }

  async touchSession(
    em: EntityManager,
    id: string,
    userAgent: string | null,
    address: string,
  ): Promise<Session> {
    const [rows]: [SessionRow[]] = await em.query(
      `UPDATE user_sessions SET last_used_at = now(), address = $2, user_agent = coalesce($3, user_agent)
       WHERE id = $1 RETURNING ${SESSION_COLUMNS}`,
      [id, address, userAgent?.slice(0, 500) ?? null],
    );
    return toSession(rows[0]);
  }

  /** Revokes one live session of a user; false when there is none (unknown, another user's, ended). */
  async revokeSession(em: EntityManager, userId: string, id: string, reason: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await em.query(
      `UPDATE user_sessions SET revoked_at = now(), revoked_reason = $3
       WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId, reason],
    );
    return count > 0;
  }

  /** Revokes every live session of a user (but `exceptId`); returns how many. */
  async revokeUserSessions(
    em: EntityManager,
    userId: string,
    reason: string,
    exceptId: string | null = null,
  ): Promise<number> {
    const [, count]: [unknown[], number] = await em.query(
      `UPDATE user_sessions SET revoked_at = now(), revoked_reason = $2
       WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, exceptId],
    );
    return count;
  }

  async liveSessions(em: EntityManager, userId: string): Promise<Session[]> {
    const rows: SessionRow[] = await em.query(
      `SELECT ${SESSION_COLUMNS} FROM user_sessions
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
       ORDER BY last_used_at DESC, id`,
      [userId],
    );
    return rows.map(toSession);
  }

  async liftEnrolmentRequirement(em: EntityManager, userId: string): Promise<void> {
    await em.query(
      `UPDATE user_sessions SET mfa_enrolment_required = false
       WHERE user_id = $1 AND mfa_enrolment_required AND revoked_at IS NULL`,
      [userId],
    );
  }

  async insertAuthToken(
    em: EntityManager,
    kind: AuthTokenKind,
    userId: string,
    hash: Buffer,
    ttlSeconds: number,
  ): Promise<void> {
    await em.query(
      `INSERT INTO auth_tokens (token_hash, kind, user_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hash, kind, userId, ttlSeconds],
    );
  }

  /** Locks a live (unused, unexpired) token of this kind and names its user. */
  async lockAuthToken(em: EntityManager, kind: AuthTokenKind, hash: Buffer): Promise<string | undefined> {
    const rows: { user_id: string }[] = await em.query(
      `SELECT user_id FROM auth_tokens
       WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
      [hash, kind],
    );
    return rows[0]?.user_id;
  }

  async markAuthTokenUsed(em: EntityManager, hash: Buffer): Promise<void> {
    await em.query(`UPDATE auth_tokens SET used_at = now() WHERE token_hash = $1`, [hash]);
  }

  /** Voids the live tokens of a kind of a user (a new reset link voids the older ones). */
  async voidAuthTokens(em: EntityManager, kind: AuthTokenKind, userId: string): Promise<void> {
    await em.query(
      `UPDATE auth_tokens SET used_at = now() WHERE user_id = $1 AND kind = $2 AND used_at IS NULL`,
      [userId, kind],
    );
  }

  /** How many tokens of a kind a user got in the last `seconds` (used or not). */
  async countRecentAuthTokens(
    em: EntityManager,
    kind: AuthTokenKind,
    userId: string,
    seconds: number,
  ): Promise<number> {
    const [row]: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM auth_tokens
       WHERE user_id = $1 AND kind = $2 AND created_at > now() - make_interval(secs => $3)`,
      [userId, kind, seconds],
    );
    return row.n;
  }
}
