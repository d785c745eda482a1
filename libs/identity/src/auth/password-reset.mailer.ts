import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, SYSTEM_ACTOR } from '@app/core';
import { passwordResetTexts } from '../accounts/account-mails';
import { noticeTexts, NotificationsService } from '../notifications.service';
import { AccountsRepository } from './accounts.repository';
import { SessionsRepository } from './sessions.repository';
import { newToken, tokenHash } from './tokens';

export const RESET_TOKEN_TTL_SECONDS = 3600;
/** Reset mails to one user in an hour at most, so nobody can flood a mailbox through the form. */
export const MAX_RESET_MAILS_PER_HOUR = 3;

/**
 * The worker's half of a password reset request (job `identity.password-reset-requested`): a known, active
 * address gets a new single-use link valid one hour, mailed through a notification in the user's language;
 * older links of the user stop working. An unknown address gets nothing, and the API answered the same either way.
 */
@Injectable()
export class PasswordResetMailer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly sessionRows: SessionsRepository,
    private readonly audit: AuditService,
    private readonly accounts: AccountsRepository,
  ) {}

  async sendLink(email: string, address: string | null): Promise<'mailed' | 'unknown' | 'throttled'> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.accounts.lockActiveByEmail(em, email);
      if (!user) return 'unknown';
      const userId = user.id;
      const recent = await this.sessionRows.countRecentAuthTokens(em, 'password_reset', userId, 3600);
      if (recent >= MAX_RESET_MAILS_PER_HOUR) return 'throttled';
      await this.sessionRows.voidAuthTokens(em, 'password_reset', userId);
      const token = newToken();
      const hash = tokenHash(token);
      await this.sessionRows.insertAuthToken(em, 'password_reset', userId, hash, RESET_TOKEN_TTL_SECONDS);
      await this.notifications.notifyUsersIn(em, [userId], {
        eventId: `password-reset:${hash.toString('hex').slice(0, 32)}`,
        kind: 'account.password-reset',
        ...noticeTexts(passwordResetTexts(token)),
      });
      await this.audit.record(
        em,
        { ...SYSTEM_ACTOR, userId: null },
        {
          action: 'password.reset-requested',
          entity: 'user',
          entityId: userId,
          summary: { address },
        },
      );
      return 'mailed';
    });
  }
}
