import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, APP_CONFIG, UnauthorizedError } from '@app/core';
import type { AppConfig } from '@app/core';
import { TokenView } from '../dto/identity.dto';
import { User } from '../entities/user.entity';
import { BadCredentials } from '../identity.errors';
import { LoginAttempts } from './login-attempts';
import { dummyHash, verifyPassword } from './passwords';

export const TOKEN_AUDIENCE = 'trust-fund-grants';
export const TOKEN_ISSUER = 'trust-fund-grants';
export const TOKEN_TTL_SECONDS = 15 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenClaims {
  sub: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttempts,
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

  async login(email: string, password: string): Promise<TokenView> {
    const normalized = email.trim().toLowerCase();
    await this.attempts.take(normalized);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: normalized })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) throw new BadCredentials();
    await this.attempts.giveBack(normalized);
    return this.signIn(user.id);
  }

  /** What a sign-in returns, for a user whose credentials were checked (login, an accepted invitation). */
  async signIn(userId: string): Promise<TokenView> {
    const accessToken = await this.jwt.signAsync({ sub: userId } satisfies TokenClaims, {
      algorithm: 'HS256',
      audience: TOKEN_AUDIENCE,
      issuer: TOKEN_ISSUER,
      expiresIn: TOKEN_TTL_SECONDS,
      secret: this.config.jwtSecret,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_TTL_SECONDS };
  }

  /** Verifies a bearer token (HS256 only; signature, audience, issuer and expiry) and loads its user. */
  async actorFromToken(token: string, requestId: string | null): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token, {
        algorithms: ['HS256'],
        audience: TOKEN_AUDIENCE,
        issuer: TOKEN_ISSUER,
        // @nestjs/jwt types the secret as string | Buffer; jsonwebtoken takes a KeyObject as it is.
        secret: this.verifyKey as unknown as Buffer,
      });
    } catch {
      throw new UnauthorizedError('The access token is invalid or expired');
    }
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
      throw new UnauthorizedError('The access token is invalid or expired');
    }
    const rows: Pick<User, 'id' | 'roles' | 'organizationId' | 'donorId' | 'fundIds' | 'active'>[] =
      await this.dataSource.query(
        `SELECT id, roles, organization_id AS "organizationId", donor_id AS "donorId", fund_ids AS "fundIds", active
         FROM users WHERE id = $1`,
        [claims.sub],
      );
    const user = rows[0];
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
}
