import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Role } from '@app/core';

interface CredentialsRow {
  id: string;
  email: string;
  password_hash: string;
  active: boolean;
}

export interface Credentials {
  id: string;
  email: string;
  passwordHash: string;
  active: boolean;
}

function toCredentials(r: CredentialsRow): Credentials {
  return { id: r.id, email: r.email, passwordHash: r.password_hash, active: r.active };
}

const CREDENTIAL_COLUMNS = `id, email, password_hash, active`;

/** The user a bearer token speaks for, and whether its session may only enrol in two-factor sign-in. */
export interface TokenUser {
  id: string;
  roles: Role[];
  organizationId: string | null;
  donorId: string | null;
  fundIds: string[];
  active: boolean;
  restricted: boolean;
}

interface TokenUserRow {
  id: string;
  roles: Role[];
  organization_id: string | null;
  donor_id: string | null;
  fund_ids: string[] | null;
  active: boolean;
  restricted: boolean;
}

const TOKEN_USER_COLUMNS = `u.id, u.roles, u.organization_id, u.donor_id, u.fund_ids, u.active`;

function toTokenUser(r: TokenUserRow): TokenUser {
  return {
    id: r.id,
    roles: r.roles,
    organizationId: r.organization_id,
    donorId: r.donor_id,
    fundIds: r.fund_ids ?? [],
    active: r.active,
    restricted: r.restricted,
  };
}

/** The users' sign-in data as the account use cases need it (the users table is identity's own). */
@Injectable()
export class AccountsRepository {
  async credentials(em: EntityManager, userId: string, lock = false): Promise<Credentials | undefined> {
    const rows: CredentialsRow[] = await em.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [userId],
    );
    return rows[0] && toCredentials(rows[0]);
  }

  /** An active user by e-mail, ignoring case, locked. */
  async lockActiveByEmail(em: EntityManager, email: string): Promise<Credentials | undefined> {
    const rows: CredentialsRow[] = await em.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE lower(email) = lower($1) AND active FOR UPDATE`,
      [email],
    );
    return rows[0] && toCredentials(rows[0]);
  }

  /** Sets a password hash; updated_at moves, which also ends pre-session access tokens (AuthService). */
  async setPasswordHash(em: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await em.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  /** The user by id, as a token would load it (never restricted). */
  async tokenUser(em: EntityManager, userId: string): Promise<TokenUser | undefined> {
    const [row]: TokenUserRow[] = await em.query(
      `SELECT ${TOKEN_USER_COLUMNS}, false AS restricted FROM users u WHERE u.id = $1`,
      [userId],
    );
    return row && toTokenUser(row);
  }

  /** The user of a live (not revoked, not expired) session, in one query by primary keys. */
  async sessionUser(em: EntityManager, userId: string, sessionId: string): Promise<TokenUser | undefined> {
    const [row]: TokenUserRow[] = await em.query(
      `SELECT ${TOKEN_USER_COLUMNS}, s.mfa_enrolment_required AS restricted
       FROM users u JOIN user_sessions s ON s.id = $2 AND s.user_id = u.id
       WHERE u.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [userId, sessionId],
    );
    return row && toTokenUser(row);
  }

  /**
   * The user of a token issued before sessions existed, if the user has not changed since `issuedAt`
   * (seconds); restricted when a role of `mfaRoles` has no confirmed second factor.
   */
  async legacyUser(
    em: EntityManager,
    userId: string,
    issuedAt: number,
    mfaRoles: readonly string[],
  ): Promise<TokenUser | undefined> {
    const [row]: TokenUserRow[] = await em.query(
      `SELECT ${TOKEN_USER_COLUMNS},
              (u.roles && $3::text[]) AND NOT EXISTS (
                SELECT 1 FROM user_mfa m WHERE m.user_id = u.id AND m.confirmed_at IS NOT NULL) AS restricted
       FROM users u WHERE u.id = $1 AND u.updated_at < to_timestamp($2 + 1)`,
      [userId, issuedAt, mfaRoles],
    );
    return row && toTokenUser(row);
  }
}
