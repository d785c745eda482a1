import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AuditService,
  isPgError,
  JOB,
  OutboxService,
  PG,
  UnauthorizedError,
} from '@app/core';
import type { AppConfig } from '@app/core';
import { RegisterDto, RegisteredView, TokenView } from '../dto/identity.dto';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.entity';
import { BadCredentials, EmailTaken } from '../identity.errors';
import { toOrganizationView, toUserView } from '../views';
import { LoginAttempts } from './login-attempts';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

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
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
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

  /** An NGO registers itself and its first member (role ngo); the organization starts unverified. */
  async register(dto: RegisterDto, actor: Actor): Promise<RegisteredView> {
    const passwordHash = await hashPassword(dto.user.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const org = await em.save(
          em.create(Organization, {
            name: dto.organization.name.trim(),
            country: dto.organization.country,
            registrationNumber: dto.organization.registrationNumber.trim(),
          }),
        );
        const user = await em.save(
          em.create(User, {
            email: dto.user.email.trim(),
            name: dto.user.name.trim(),
            passwordHash,
            roles: ['ngo'],
            organizationId: org.id,
            fundIds: [],
          }),
        );
        const who = { ...actor, userId: user.id };
        await this.audit.record(em, who, {
          action: 'organization.registered',
          entity: 'organization',
          entityId: org.id,
          summary: { name: org.name, country: org.country, userId: user.id },
        });
        await this.outbox.add(em, JOB.ORGANIZATION_REGISTERED, { organizationId: org.id });
        return { organization: toOrganizationView(org), user: toUserView(user) };
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'users_email_lower_key')) throw new EmailTaken();
      throw error;
    }
  }

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
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims, {
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
    return this.actorFromUserId(claims.sub, requestId);
  }

  /** The acting user as the database has it now (roles, scope, active), for a token or a board session. */
  async actorFromUserId(userId: string, requestId: string | null): Promise<Actor> {
    if (!UUID.test(userId)) throw new UnauthorizedError('The access token is invalid or expired');
    const rows: Pick<User, 'id' | 'roles' | 'organizationId' | 'donorId' | 'fundIds' | 'active'>[] =
      await this.dataSource.query(
        `SELECT id, roles, organization_id AS "organizationId", donor_id AS "donorId", fund_ids AS "fundIds", active
         FROM users WHERE id = $1`,
        [userId],
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
