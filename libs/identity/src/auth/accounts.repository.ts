import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

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
}
