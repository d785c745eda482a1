import { Inject, Injectable } from '@nestjs/common';
import { createHash, createHmac } from 'node:crypto';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';

export type TokenPurpose = 'invitation' | 'email_confirmation';

const PATHS: Record<TokenPurpose, string> = {
  invitation: 'accept-invitation',
  email_confirmation: 'confirm-email',
};

/**
 * The secret of an account link is derived, never stored: token = HMAC(key, token id), the key itself
 * derived from JWT_SECRET. The database keeps only SHA-256(token) (to find the row) and the outbox only
 * the token id, so neither a database dump nor the queue holds a usable link; the worker derives the same
 * token when it writes the mail, and a retried mail carries the same link. Rotating JWT_SECRET voids
 * every link not yet used (people ask for a new one).
 */
@Injectable()
export class AccountLinks {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('tfg:account-links:v1').digest();
  }

  tokenFor(tokenId: string): string {
    return createHmac('sha256', this.key).update(tokenId).digest('base64url');
  }

  static hash(token: string): Buffer {
    return createHash('sha256').update(token, 'utf8').digest();
  }

  /** The link a person opens; the token travels in the fragment, so it never reaches a server's log. */
  url(purpose: TokenPurpose, tokenId: string): string {
    return `${this.config.publicUrl}/${PATHS[purpose]}#token=${this.tokenFor(tokenId)}`;
  }
}
