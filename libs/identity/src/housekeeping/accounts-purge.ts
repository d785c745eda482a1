import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';

/** How long an ended session (expired or signed out) stays listed for its user and for support. */
export const ENDED_SESSION_DAYS = 30;
/** How long a used, revoked or expired account link is kept (a link can no longer be used once it ends). */
export const ENDED_LINK_DAYS = 30;
/** Step tokens and password-reset tokens live minutes to an hour: a day after they end they go. */
export const ENDED_AUTH_TOKEN_DAYS = 1;
/** Rows deleted per statement, so a backlog never holds long locks or one huge transaction. */
const BATCH = 5_000;

const DAY_MS = 86_400_000;

export interface AccountsPurgeResult {
  sessions: number;
  authTokens: number;
  accountLinks: number;
}

/**
 * The identity context's nightly purge (`identity.purge`): sessions that ended more than 30 days ago (with
 * their refresh tokens, by cascade), step and reset tokens a day after they ended, and account links
 * (invitations, e-mail confirmations) 30 days after they were used, revoked or expired, except the links of
 * invitations still pending (the invitations' list shows when they lapsed). By the injectable clock, in
 * batches; running it twice changes nothing more. The audit log keeps what happened.
 */
@Injectable()
export class AccountsPurge {
  private readonly logger = new Logger(AccountsPurge.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<AccountsPurgeResult> {
    const now = this.clock.now().getTime();
    const before = (days: number) => new Date(now - days * DAY_MS);
    const sessions = await this.drain(
      `DELETE FROM user_sessions WHERE id = ANY(ARRAY(
         SELECT id FROM user_sessions WHERE least(expires_at, coalesce(revoked_at, expires_at)) < $1 LIMIT $2))`,
      before(ENDED_SESSION_DAYS),
    );
    const authTokens = await this.drain(
      `DELETE FROM auth_tokens WHERE token_hash = ANY(ARRAY(
         SELECT token_hash FROM auth_tokens WHERE least(expires_at, coalesce(used_at, expires_at)) < $1 LIMIT $2))`,
      before(ENDED_AUTH_TOKEN_DAYS),
    );
    const accountLinks = await this.drain(
      `DELETE FROM account_tokens WHERE id = ANY(ARRAY(
         SELECT t.id FROM account_tokens t
         LEFT JOIN invitations i ON i.id = t.invitation_id
         WHERE least(t.expires_at, coalesce(t.used_at, t.expires_at), coalesce(t.revoked_at, t.expires_at)) < $1
           AND (t.invitation_id IS NULL OR i.accepted_at IS NOT NULL OR i.revoked_at IS NOT NULL)
         LIMIT $2))`,
      before(ENDED_LINK_DAYS),
    );
    this.logger.log(
      `purged ${sessions} ended sessions, ${authTokens} auth tokens and ${accountLinks} account links`,
    );
    return { sessions, authTokens, accountLinks };
  }

  private async drain(sql: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (em: EntityManager) => {
        const [, count]: [unknown[], number] = await em.query(sql, [before, BATCH]);
        return count;
      });
      total += n;
      if (n < BATCH) return total;
    }
  }
}
