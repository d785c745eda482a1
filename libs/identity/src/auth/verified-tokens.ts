/** The one claim the cache reads of a verified token: `exp`, in seconds, as JWT has it. */
export interface VerifiedClaims {
  exp?: unknown;
}

interface Entry<C> {
  claims: C;
  /** Milliseconds: the token is taken until just before this instant, as jsonwebtoken takes it. */
  expiresAt: number;
}

/**
 * Access tokens whose signature, audience and issuer were already checked, with their claims, each kept
 * until its own expiry. A client sends the same token with every request for its 15 minutes, and checking
 * it again (HMAC, base64 and JSON, through jsonwebtoken) was a twentieth of the API's CPU in the deadline
 * rush benchmark (issue 20).
 *
 * Only what the signature proves is kept: the key is the whole token, signature included, so an altered
 * token is never a hit, and a hit is refused from its `exp` on, exactly as the check would refuse it. What
 * can change while a token is valid (its session revoked, its user deactivated or given other roles) is
 * not kept here: AuthService reads it from the database on every request. At most `capacity` tokens are
 * kept, the oldest dropped first; a token without `exp` is never kept.
 */
export class VerifiedTokens<C extends VerifiedClaims = VerifiedClaims> {
  private readonly entries = new Map<string, Entry<C>>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token's claims: kept ones while unexpired, otherwise `verify`'s (which throws when it refuses). */
  async claims(token: string, verify: (token: string) => Promise<C>): Promise<C> {
    const kept = this.entries.get(token);
    if (kept) {
      if (this.now() < kept.expiresAt) return kept.claims;
      this.entries.delete(token);
    }
    const claims = await verify(token);
    if (typeof claims.exp === 'number' && this.now() < claims.exp * 1000) {
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(token, { claims, expiresAt: claims.exp * 1000 });
    }
    return claims;
  }

  get size(): number {
    return this.entries.size;
  }
}
