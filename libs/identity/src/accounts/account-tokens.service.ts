import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock, JOB, OutboxService } from '@app/core';
import { AccountLinks, TokenPurpose } from './account-links';
import { AccountToken, AccountTokensRepository } from './account-tokens.repository';
import { TokenInvalid } from './accounts.errors';

/** How long an invitation or confirmation link works. */
export const LINK_TTL_MS = 72 * 3600_000;

/**
 * Single-use account links: issued with their mail (an outbox job carrying the token id only), and
 * consumed under a row lock, so two requests with one link cannot both succeed.
 */
@Injectable()
export class AccountTokensService {
  constructor(
    private readonly tokens: AccountTokensRepository,
    private readonly outbox: OutboxService,
    private readonly links: AccountLinks,
    private readonly clock: Clock,
  ) {}

  /** A new link (the owner's open links of this purpose die) and its mail, in the caller's transaction. */
  async issue(
    em: EntityManager,
    purpose: TokenPurpose,
    owner: { invitationId?: string; userId?: string },
  ): Promise<string> {
    const now = this.clock.now();
    // one issuer per owner at a time, so that of two racing issues the second revokes the first's link
    await this.tokens.lockOwner(em, owner.invitationId ?? owner.userId!);
    await this.tokens.revokeOpen(em, purpose, owner, now);
    const id = randomUUID();
    await this.tokens.insert(em, {
      id,
      purpose,
      tokenHash: AccountLinks.hash(this.links.tokenFor(id)),
      invitationId: owner.invitationId ?? null,
      userId: owner.userId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_TTL_MS),
    });
    await this.outbox.add(em, JOB.ACCOUNT_MAIL, { tokenId: id });
    return id;
  }

  /** Takes a link once: unknown, used, revoked, expired or of another purpose is TokenInvalid. */
  async consume(em: EntityManager, token: string, purpose: TokenPurpose): Promise<AccountToken> {
    const row = await this.tokens.lockByHash(em, AccountLinks.hash(token));
    const now = this.clock.now();
    if (!row || row.purpose !== purpose || row.usedAt || row.revokedAt || row.expiresAt <= now)
      throw new TokenInvalid();
    await this.tokens.markUsed(em, row.id, now);
    return row;
  }

  revokeOpen(
    em: EntityManager,
    purpose: TokenPurpose,
    owner: { invitationId?: string; userId?: string },
  ): Promise<void> {
    return this.tokens.revokeOpen(em, purpose, owner, this.clock.now());
  }
}
