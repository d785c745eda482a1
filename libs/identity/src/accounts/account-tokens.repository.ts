import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Locale } from './locales';
import type { TokenPurpose } from './account-links';

const TOKEN_COLUMNS = `id, purpose, invitation_id, user_id, created_at, expires_at, used_at, revoked_at, mailed_at`;

interface TokenRow {
  id: string;
  purpose: TokenPurpose;
  invitation_id: string | null;
  user_id: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  mailed_at: Date | null;
}

export interface AccountToken {
  id: string;
  purpose: TokenPurpose;
  invitationId: string | null;
  userId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  mailedAt: Date | null;
}

function toToken(r: TokenRow): AccountToken {
  return {
    id: r.id,
    purpose: r.purpose,
    invitationId: r.invitation_id,
    userId: r.user_id,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    revokedAt: r.revoked_at,
    mailedAt: r.mailed_at,
  };
}

/** What the mail of a link needs: the address, its language, and who invited to which organization. */
export interface LinkMail {
  token: AccountToken;
  email: string;
  locale: Locale;
  organizationName: string | null;
  inviterName: string | null;
}

interface LinkMailRow extends TokenRow {
  email: string;
  locale: Locale;
  organization_name: string | null;
  inviter_name: string | null;
}

/** The account_tokens table (single-use links, stored as SHA-256 hashes). */
@Injectable()
export class AccountTokensRepository {
  async insert(
    em: EntityManager,
    t: {
      id: string;
      purpose: TokenPurpose;
      tokenHash: Buffer;
      invitationId: string | null;
      userId: string | null;
      createdAt: Date;
      expiresAt: Date;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO account_tokens (id, purpose, token_hash, invitation_id, user_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [t.id, t.purpose, t.tokenHash, t.invitationId, t.userId, t.createdAt, t.expiresAt],
    );
  }

  /** Serialises link issuing for one owner (an invitation or a user) until the transaction ends. */
  async lockOwner(em: EntityManager, ownerId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('tfg:account-tokens:' || $1))`, [ownerId]);
  }

  async lockByHash(em: EntityManager, tokenHash: Buffer): Promise<AccountToken | undefined> {
    const [r]: TokenRow[] = await em.query(
      `SELECT ${TOKEN_COLUMNS} FROM account_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return r && toToken(r);
  }

  async markUsed(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.query(`UPDATE account_tokens SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Kills the open links of an invitation or of a user's confirmation (a resend, a revoke). */
  async revokeOpen(
    em: EntityManager,
    purpose: TokenPurpose,
    owner: { invitationId?: string; userId?: string },
    at: Date,
  ): Promise<void> {
    await em.query(
      `UPDATE account_tokens SET revoked_at = $4
       WHERE purpose = $1 AND used_at IS NULL AND revoked_at IS NULL
         AND (invitation_id = $2 OR user_id = $3)`,
      [purpose, owner.invitationId ?? null, owner.userId ?? null, at],
    );
  }

  /** The latest link of each invitation (for the list of pending invitations). */
  async latestExpiry(em: EntityManager, invitationIds: readonly string[]): Promise<Map<string, Date>> {
    if (!invitationIds.length) return new Map();
    const rows: { invitation_id: string; expires_at: Date }[] = await em.query(
      `SELECT DISTINCT ON (invitation_id) invitation_id, expires_at FROM account_tokens
       WHERE invitation_id = ANY($1::uuid[]) ORDER BY invitation_id, created_at DESC, id`,
      [invitationIds],
    );
    return new Map(rows.map((r) => [r.invitation_id, r.expires_at]));
  }

  async forMail(em: EntityManager, id: string): Promise<LinkMail | undefined> {
    const [r]: LinkMailRow[] = await em.query(
      `SELECT t.id, t.purpose, t.invitation_id, t.user_id, t.created_at, t.expires_at, t.used_at,
              t.revoked_at, t.mailed_at,
              coalesce(i.email, u.email) AS email, coalesce(i.locale, u.locale, 'en') AS locale,
              o.name AS organization_name, inviter.name AS inviter_name
       FROM account_tokens t
       LEFT JOIN invitations i ON i.id = t.invitation_id
       LEFT JOIN users u ON u.id = t.user_id
       LEFT JOIN organizations o ON o.id = coalesce(i.organization_id, u.organization_id)
       LEFT JOIN users inviter ON inviter.id = i.invited_by
       WHERE t.id = $1`,
      [id],
    );
    return (
      r && {
        token: toToken(r),
        email: r.email,
        locale: r.locale,
        organizationName: r.organization_name,
        inviterName: r.inviter_name,
      }
    );
  }

  async markMailed(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE account_tokens SET mailed_at = now() WHERE id = $1 AND mailed_at IS NULL`, [id]);
  }
}
