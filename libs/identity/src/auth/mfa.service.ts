import { Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { toDataURL } from 'qrcode';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, NotFoundError } from '@app/core';
import { MfaEnrolmentView } from '../dto/account.dto';
import { AccountsRepository } from './accounts.repository';
import { MfaCodeInvalid, MfaEnrolmentState } from './auth.errors';
import { MfaRepository } from './mfa.repository';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { tokenHash } from './tokens';

const ISSUER = 'Trust Fund Grants';
const PERIOD_SECONDS = 30;
/** Codes of the step before and after the current one are accepted too (clock drift). */
const WINDOW = 1;
const RECOVERY_CODES = 10;
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** Recovery codes as people type them: lower case, dashes and spaces left out. */
function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function newRecoveryCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app reads it),
 * through `otpauth`. A code is accepted one step either side of now, and only for a step later than the
 * last one accepted, so no code is ever accepted twice. TOTP runs on real time, never the replay clock.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mfa: MfaRepository,
    private readonly sessionRows: SessionsRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly accounts: AccountsRepository,
  ) {}

  isEnrolled(em: EntityManager, userId: string): Promise<boolean> {
    return this.mfa.isConfirmed(em, userId);
  }

  /** A new secret (not yet in force): the otpauth:// URI, its QR code and the secret itself. */
  async enrol(actor: Actor, address: string): Promise<MfaEnrolmentView> {
    const userId = actor.userId!;
    const secret = new Secret({ size: 20 }).base32;
    const email = await this.dataSource.transaction(async (em) => {
      const current = await this.mfa.lock(em, userId);
      if (current?.confirmed) {
        throw new MfaEnrolmentState('Two-factor sign-in is already set up; an admin can reset it');
      }
      const user = (await this.accounts.credentials(em, userId))!;
      await this.mfa.begin(em, userId, secret);
      await this.audit.record(em, actor, {
        action: 'mfa.enrolment-started',
        entity: 'user',
        entityId: userId,
        summary: { address },
      });
      return user.email;
    });
    const otpauthUri = totp(secret, email).toString();
    return { otpauthUri, qrCode: await toDataURL(otpauthUri), secret };
  }

  /** Confirms the enrolment with a first code; returns the recovery codes, shown only this once. */
  async confirm(actor: Actor, code: string, address: string): Promise<string[]> {
    const userId = actor.userId!;
    return this.dataSource.transaction(async (em) => {
      const current = await this.mfa.lock(em, userId);
      if (!current || current.confirmed) {
        throw new MfaEnrolmentState(
          current ? 'Two-factor sign-in is already set up' : 'Start with POST /api/me/mfa/enrol',
        );
      }
      const step = this.acceptedStep(current.secret, null, code);
      if (step === null) throw new MfaCodeInvalid('code');
      await this.mfa.confirm(em, userId, step);
      const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      await this.mfa.replaceRecoveryCodes(
        em,
        userId,
        codes.map((c) => tokenHash(normalizeRecoveryCode(c))),
      );
      await this.sessionRows.liftEnrolmentRequirement(em, userId);
      await this.audit.record(em, actor, {
        action: 'mfa.enrolled',
        entity: 'user',
        entityId: userId,
        summary: { address, recoveryCodes: RECOVERY_CODES },
      });
      return codes;
    });
  }

  /**
   * Checks a sign-in's second factor inside the caller's transaction (the enrolment row locked, so two
   * requests with one code are seen one after the other); a TOTP step or a recovery code is used up.
   */
  async verify(
    em: EntityManager,
    userId: string,
    proof: { code?: string; recoveryCode?: string },
  ): Promise<'totp' | 'recovery_code' | null> {
    const current = await this.mfa.lock(em, userId);
    if (!current?.confirmed) return null;
    if (proof.code) {
      const step = this.acceptedStep(current.secret, current.lastUsedStep, proof.code);
      if (step === null) return null;
      await this.mfa.useStep(em, userId, step);
      return 'totp';
    }
    if (proof.recoveryCode) {
      const used = await this.mfa.useRecoveryCode(
        em,
        userId,
        tokenHash(normalizeRecoveryCode(proof.recoveryCode)),
      );
      return used ? 'recovery_code' : null;
    }
    return null;
  }

  /** An admin removes a user's enrolment (a lost phone): the user enrols again; their sessions end. */
  async reset(actor: Actor, userId: string, address: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.accounts.credentials(em, userId, true))) throw new NotFoundError('user', userId);
      const removed = await this.mfa.remove(em, userId);
      await this.audit.record(em, actor, {
        action: 'mfa.reset',
        entity: 'user',
        entityId: userId,
        summary: { address, hadEnrolment: removed },
      });
      await this.sessions.revokeAllForUser(em, actor, userId, 'two-factor enrolment reset', address);
    });
  }

  /**
   * Enrols a known secret at once, confirmed (the demo seed's staff logins, whose secrets are printed for
   * the demo). Never for real accounts: a secret someone else chose is no second factor.
   */
  async enrolKnownSecret(
    em: EntityManager,
    actor: Actor,
    userId: string,
    secretBase32: string,
  ): Promise<void> {
    Secret.fromBase32(secretBase32); // refuses what is not base32
    await this.mfa.begin(em, userId, secretBase32.toUpperCase());
    await this.mfa.confirm(em, userId, 0);
    await this.audit.record(em, actor, {
      action: 'mfa.enrolled',
      entity: 'user',
      entityId: userId,
      summary: { reason: 'known secret (demo seed)' },
    });
  }

  /** The time step a code belongs to (now, or one step either side), if later than `lastUsedStep`. */
  private acceptedStep(secret: string, lastUsedStep: number | null, code: string): number | null {
    const now = Date.now();
    const delta = totp(secret, 'check').validate({ token: code, timestamp: now, window: WINDOW });
    if (delta === null) return null;
    const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
    if (lastUsedStep !== null && step <= lastUsedStep) return null;
    return step;
  }
}
