import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AuditService, clientAddressKey, JOB, OutboxService } from '@app/core';
import { AccountsRepository } from './accounts.repository';
import { CurrentPasswordWrong, TokenInvalid } from './auth.errors';
import { ClientInfo } from './client-info';
import { LoginAttempts } from './login-attempts';
import { assertPasswordAllowed } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { looksLikeToken, tokenHash } from './tokens';

/**
 * Forgotten and changed passwords. A reset request answers the same whether or not the address has an
 * account: the API only writes an outbox row (the same work, so the same time, either way), and the worker
 * looks the address up and mails a single-use link valid one hour. Setting the new password ends every
 * session of the user.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly sessionRows: SessionsRepository,
    private readonly sessions: SessionsService,
    private readonly attempts: LoginAttempts,
    private readonly audit: AuditService,
    private readonly accounts: AccountsRepository,
  ) {}

  async request(email: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction((em) =>
      this.outbox.add(em, JOB.PASSWORD_RESET_REQUESTED, {
        email: email.trim().toLowerCase(),
        address: client.address,
      }),
    );
  }

  /** Sets the new password with a reset token, once; every session of the user ends. */
  async confirm(token: string, password: string, client: ClientInfo, actor: Actor): Promise<void> {
    if (!looksLikeToken(token)) throw new TokenInvalid('token');
    const hash = tokenHash(token);
    const userId = await this.sessionRows.lockAuthToken(this.dataSource.manager, 'password_reset', hash);
    if (!userId) throw new TokenInvalid('token');
    const user = await this.accounts.credentials(this.dataSource.manager, userId);
    assertPasswordAllowed(password, 'password', { email: user?.email });
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (em) => {
      // Checked again under the lock: two requests with one token set the password once.
      if ((await this.sessionRows.lockAuthToken(em, 'password_reset', hash)) !== userId) {
        throw new TokenInvalid('token');
      }
      await this.sessionRows.markAuthTokenUsed(em, hash);
      await this.accounts.setPasswordHash(em, userId, passwordHash);
      const who = { ...actor, userId };
      await this.audit.record(em, who, {
        action: 'password.reset',
        entity: 'user',
        entityId: userId,
        summary: { address: client.address },
      });
      await this.sessions.revokeAllForUser(em, who, userId, 'password reset', client.address);
    });
  }

  /** Changes the caller's password (the current one required); their other sessions end. */
  async change(
    actor: Actor,
    sessionId: string | null,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<void> {
    const userId = actor.userId!;
    const user = await this.accounts.credentials(this.dataSource.manager, userId);
    const limiterKey = `password-change:${userId}`;
    const addressKey = clientAddressKey(client.address);
    await this.attempts.take(limiterKey, addressKey);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new CurrentPasswordWrong();
    }
    await this.attempts.giveBack(limiterKey, addressKey);
    assertPasswordAllowed(newPassword, 'newPassword', { email: user.email });
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (em) => {
      await this.accounts.setPasswordHash(em, userId, passwordHash);
      await this.audit.record(em, actor, {
        action: 'password.changed',
        entity: 'user',
        entityId: userId,
        summary: { address: client.address },
      });
      await this.sessions.revokeAllForUser(em, actor, userId, 'password changed', client.address, sessionId);
    });
  }
}
