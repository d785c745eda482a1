import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, minorUnits } from '@app/core';
import { SecretBox } from './secret-box';

interface MfaRow {
  secret: string;
  confirmed_at: Date | null;
  last_used_step: string | null;
}

export interface MfaEnrolment {
  secret: string;
  confirmed: boolean;
  /** The last TOTP time step accepted (a code is never accepted twice); null before the first. */
  lastUsedStep: number | null;
}

function toEnrolment(r: MfaRow, secret: string): MfaEnrolment {
  return {
    secret,
    confirmed: r.confirmed_at !== null,
    lastUsedStep: r.last_used_step === null ? null : (minorUnits.from(r.last_used_step) as number),
  };
}

/** SQL of TOTP enrolments (secrets sealed: see SecretBox) and recovery codes (stored as SHA-256 hashes). */
@Injectable()
export class MfaRepository {
  private readonly box: SecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = new SecretBox(config.mfaEncryptionKey);
  }

  /** The enrolment, locked; a secret stored before sealing existed is sealed now, in the caller's transaction. */
  async lock(em: EntityManager, userId: string): Promise<MfaEnrolment | undefined> {
    const rows: MfaRow[] = await em.query(
      `SELECT secret, confirmed_at, last_used_step FROM user_mfa WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const secret = this.box.open(row.secret);
    if (!SecretBox.isSealed(row.secret))
      await em.query(`UPDATE user_mfa SET secret = $2 WHERE user_id = $1`, [userId, this.box.seal(secret)]);
    return toEnrolment(row, secret);
  }

  async isConfirmed(em: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM user_mfa WHERE user_id = $1 AND confirmed_at IS NOT NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  /** A new, unconfirmed secret (replacing an unconfirmed one). */
  async begin(em: EntityManager, userId: string, secret: string): Promise<void> {
    await em.query(
      `INSERT INTO user_mfa (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, confirmed_at = NULL,
         last_used_step = NULL, created_at = now()`,
      [userId, this.box.seal(secret)],
    );
  }

  async confirm(em: EntityManager, userId: string, step: number): Promise<void> {
    await em.query(`UPDATE user_mfa SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1`, [
      userId,
      step,
    ]);
  }

  async useStep(em: EntityManager, userId: string, step: number): Promise<void> {
    await em.query(`UPDATE user_mfa SET last_used_step = $2 WHERE user_id = $1`, [userId, step]);
  }

  async replaceRecoveryCodes(em: EntityManager, userId: string, hashes: Buffer[]): Promise<void> {
    await em.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [userId]);
    await em.query(
      `INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, h FROM unnest($2::bytea[]) AS h`,
      [userId, hashes],
    );
  }

  /** Uses a recovery code up; false when it is not one of the user's unused codes. */
  async useRecoveryCode(em: EntityManager, userId: string, hash: Buffer): Promise<boolean> {
    const [, count]: [unknown[], number] = await em.query(
      `UPDATE mfa_recovery_codes SET used_at = now()
       WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, hash],
    );
    return count > 0;
  }

  async remove(em: EntityManager, userId: string): Promise<boolean> {
    await em.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [userId]);
    const [, count]: [unknown[], number] = await em.query(`DELETE FROM user_mfa WHERE user_id = $1`, [
      userId,
    ]);
    return count > 0;
  }
}
