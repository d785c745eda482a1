import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AuditService,
  clientAddressKey,
  InvalidInputError,
  UnauthorizedError,
} from '@app/core';
import type { AppConfig } from '@app/core';
import { MfaRequiredView, MfaStepDto, SignedInView } from '../dto/account.dto';
import { BadCredentials } from '../identity.errors';
import { UsersRepository } from '../users.repository';
import { AccountsRepository } from './accounts.repository';
import { MfaCodeInvalid, TokenInvalid } from './auth.errors';
import { ClientInfo } from './client-info';
import { LoginAttempts } from './login-attempts';
import { MfaService } from './mfa.service';
import { dummyHash, verifyPassword } from './passwords';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { looksLikeToken, newToken, tokenHash } from './tokens';

export const STEP_TOKEN_TTL_SECONDS = 5 * 60;

/**
 * Sign-in: the password (limited per e-mail and address in Redis), then, for a user enrolled in two-factor
 * sign-in, a short single-use step token to trade with a code at POST /api/auth/mfa. A user whose role
 * needs two-factor sign-in (MFA_REQUIRED_ROLES) but has not enrolled gets a session that may only enrol.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: LoginAttempts,
    private readonly sessions: SessionsService,
    private readonly sessionRows: SessionsRepository,
    private readonly mfa: MfaService,
    private readonly audit: AuditService,
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    email: string,
    password: string,
    client: ClientInfo,
    actor: Actor,
  ): Promise<SignedInView | MfaRequiredView> {
    const normalized = email.trim().toLowerCase();
    const addressKey = clientAddressKey(client.address);
    await this.attempts.take(normalized, addressKey);
    const user = await this.users.withPasswordByEmail(this.dataSource.manager, normalized);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) throw new BadCredentials();
    await this.attempts.giveBack(normalized, addressKey);
    const required = user.roles.some((r) => this.config.mfaRequiredRoles.includes(r));
    return this.dataSource.transaction(async (em) => {
      if (await this.mfa.isEnrolled(em, user.id)) {
        const stepToken = newToken();
        await this.sessionRows.insertAuthToken(
          em,
          'mfa_step',
          user.id,
          tokenHash(stepToken),
          STEP_TOKEN_TTL_SECONDS,
        );
        await this.audit.record(
          em,
          { ...actor, userId: user.id },
          {
            action: 'sign-in.second-factor-asked',
            entity: 'user',
            entityId: user.id,
            summary: { address: client.address },
          },
        );
        return { status: 'mfa_required', stepToken, expiresIn: STEP_TOKEN_TTL_SECONDS };
      }
      return this.sessions.start(em, user.id, client, required);
    });
  }

  /** Trades a step token and a TOTP or recovery code for a session. */
  async completeMfa(dto: MfaStepDto, client: ClientInfo, actor: Actor): Promise<SignedInView> {
    if (Boolean(dto.code) === Boolean(dto.recoveryCode)) {
      throw new InvalidInputError('code', 'give either code or recoveryCode');
    }
    if (!looksLikeToken(dto.stepToken)) throw new TokenInvalid('stepToken');
    const hash = tokenHash(dto.stepToken);
    // Wrong codes count against the step token, like wrong passwords: five a minute at most.
    const limiterKey = `mfa-step:${hash.toString('hex')}`;
    const addressKey = clientAddressKey(client.address);
    await this.attempts.take(limiterKey, addressKey);
    const view = await this.dataSource.transaction(async (em) => {
      const userId = await this.sessionRows.lockAuthToken(em, 'mfa_step', hash);
      if (!userId) throw new TokenInvalid('stepToken');
      if (!(await this.accounts.credentials(em, userId))?.active) {
        throw new UnauthorizedError('This account is not active');
      }
      const method = await this.mfa.verify(em, userId, dto);
      if (!method) throw new MfaCodeInvalid(dto.code ? 'code' : 'recoveryCode');
      await this.sessionRows.markAuthTokenUsed(em, hash);
      await this.audit.record(
        em,
        { ...actor, userId },
        {
          action: 'sign-in.second-factor-accepted',
          entity: 'user',
          entityId: userId,
          summary: { method, address: client.address },
        },
      );
      return this.sessions.start(em, userId, client, false);
    });
    await this.attempts.giveBack(limiterKey, addressKey);
    return view;
  }
}
