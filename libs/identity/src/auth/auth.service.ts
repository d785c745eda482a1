import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, APP_CONFIG, UnauthorizedError } from '@app/core';
import type { AppConfig } from '@app/core';
import { AccountsRepository, TokenUser } from './accounts.repository';
import { MfaEnrolmentRequired } from './auth.errors';
import { VerifiedTokens } from './verified-tokens';

export const TOKEN_AUDIENCE = 'trust-fund-grants';
export const TOKEN_ISSUER = 'trust-fund-grants';
export const TOKEN_TTL_SECONDS = 15 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenClaims {
  sub: string;
  /** The session (refresh-token family) the token was issued in. */
  sid?: string;
  iat?: number;
  exp?: number;
}

/** Who a bearer token speaks for, and in which session. */
export interface Authenticated {
  actor: Actor;
  /** Null for a token issued before sessions existed (see legacyUser). */
  sessionId: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.verifyKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /**
   * The HS256 key as a KeyObject, made once. Given the secret as a string, jsonwebtoken first tries to read
   * it as a PEM public key on every verification and only then falls back to a secret key: that failed
   * parse (an OpenSSL decoder pass and a thrown error) was the largest item in the API's CPU profile of an
   * authenticated request (bench/RESULTS.md).
   */
  private readonly verifyKey: KeyObject;

  /** Tokens whose signature was checked, until their expiry (the session is still read every time). */
  private readonly verified = new VerifiedTokens<TokenClaims & object>();

  /** An access token for a user in a session: HS256, 15 minutes. */
  signAccessToken(userId: string, sessionId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId, sid: sessionId } satisfies TokenClaims, {
      algorithm: 'HS256',
      audience: TOKEN_AUDIENCE,
      issuer: TOKEN_ISSUER,
      expiresIn: TOKEN_TTL_SECONDS,
      secret: this.config.jwtSecret,
    });
  }

  /** The actor of a bearer token; a session that may only enrol in two-factor sign-in is refused (403). */
  async actorFromToken(token: string, requestId: string | null): Promise<Actor> {
    return (await this.authenticate(token, requestId, false)).actor;
  }

  /**
   * Verifies a bearer token (HS256 only; signature, audience, issuer and expiry; a token already verified
   * is taken from `verified` until its expiry) and loads its user with its session in one query by primary
   * keys: a revoked or ended session, or a deactivated user, is 401 on the very next request (deactivation
   * and role changes revoke the user's sessions).
   */
  async authenticate(
    token: string,
    requestId: string | null,
    allowRestricted: boolean,
  ): Promise<Authenticated> {
    let claims: TokenClaims;
    try {
      claims = await this.verified.claims(token, (t) =>
        this.jwt.verifyAsync<TokenClaims & object>(t, {
          algorithms: ['HS256'],
          audience: TOKEN_AUDIENCE,
          issuer: TOKEN_ISSUER,
          // @nestjs/jwt types the secret as string | Buffer; jsonwebtoken takes a KeyObject as it is.
          secret: this.verifyKey as unknown as Buffer,
        }),
      );
    } catch {
      throw new UnauthorizedError('The access token is invalid or expired');
    }
    const { sub, sid, iat } = claims;
    if (typeof sub !== 'string' || !UUID.test(sub)) {
      throw new UnauthorizedError('The access token is invalid or expired');
    }
    const user = sid === undefined ? await this.legacyUser(sub, iat) : await this.sessionUser(sub, sid);
    if (!user || !user.active) throw new UnauthorizedError('The access token is invalid or expired');
    if (user.restricted && !allowRestricted) throw new MfaEnrolmentRequired();
    const actor: Actor = {
      userId: user.id,
      roles: user.roles,
      organizationId: user.organizationId,
      donorId: user.donorId,
      fundIds: user.fundIds ?? [],
      requestId,
    };
    return { actor, sessionId: sid ?? null };
  }

  /** The acting user as the database has it now (roles, scope, active), for a board session. */
  async actorFromUserId(userId: string, requestId: string | null): Promise<Actor> {
    if (!UUID.test(userId)) throw new UnauthorizedError('The access token is invalid or expired');
    const user = await this.accounts.tokenUser(this.dataSource.manager, userId);
    if (!user || !user.active) throw new UnauthorizedError('The access token is invalid or expired');
    return {
      userId: user.id,
      roles: user.roles,
      organizationId: user.organizationId,
      donorId: user.donorId,
      fundIds: user.fundIds ?? [],
      requestId,
    };
  }

  /** The user of a token with its live session, in one query by primary keys. */
  private async sessionUser(userId: string, sessionId: unknown): Promise<TokenUser | undefined> {
    if (typeof sessionId !== 'string' || !UUID.test(sessionId)) return undefined;
    return this.accounts.sessionUser(this.dataSource.manager, userId, sessionId);
  }

  /**
   * A token without a session id was issued by the version before sessions (they live 15 minutes, so
   * this matters only for that long after an upgrade). It is refused once the user changed after it was
   * issued (roles, deactivation, password: every change moves updated_at), and it counts as restricted
   * for a role that needs two-factor sign-in without enrolment.
   */
  private async legacyUser(userId: string, issuedAt: unknown): Promise<TokenUser | undefined> {
    if (typeof issuedAt !== 'number' || !Number.isSafeInteger(issuedAt)) return undefined;
    return this.accounts.legacyUser(this.dataSource.manager, userId, issuedAt, this.config.mfaRequiredRoles);
  }
}
