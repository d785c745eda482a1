import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, NotFoundError } from '@app/core';
import { SessionView, SignedInView } from '../dto/account.dto';
import { TOKEN_TTL_SECONDS, AuthService } from './auth.service';
import { TokenInvalid } from './auth.errors';
import { ClientInfo, deviceName } from './client-info';
import { SessionsRepository } from './sessions.repository';
import { looksLikeToken, newToken, tokenHash } from './tokens';

/** A session (one refresh-token family) lives at most 30 days from sign-in. */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Sign-in sessions. Each sign-in starts one family of refresh tokens; every refresh uses its token up and
 * hands out the next one. A token presented a second time means it was copied: the whole family is revoked
 * (the thief's and the owner's copies alike) and the reuse is audited.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Starts a session for a user whose credentials (and second factor) were checked. A sign-in is not an
   * account change, so it writes no audit row: the session row keeps when, from where and on which device.
   */
  async start(
    em: EntityManager,
    userId: string,
    client: ClientInfo,
    mfaEnrolmentRequired: boolean,
  ): Promise<SignedInView> {
    const sessionId = await this.sessions.insertSession(
      em,
      { userId, userAgent: client.userAgent, address: client.address, mfaEnrolmentRequired },
      SESSION_TTL_SECONDS,
    );
    const refreshToken = newToken();
    await this.sessions.insertRefreshToken(em, sessionId, tokenHash(refreshToken));
    return this.signedIn(userId, sessionId, refreshToken, mfaEnrolmentRequired);
  }

  /** Uses a refresh token up and returns the next one with a new access token. */
  async refresh(token: string | undefined, client: ClientInfo, actor: Actor): Promise<SignedInView> {
    if (!looksLikeToken(token)) throw new TokenInvalid('refreshToken');
    const hash = tokenHash(token);
    const outcome = await this.dataSource.transaction(async (em) => {
      const state = await this.sessions.lockRefreshToken(em, hash);
      if (!state || state.sessionDead) return null;
      const who = { ...actor, userId: state.userId };
      if (state.used) {
        await this.sessions.revokeSession(em, state.userId, state.sessionId, 'refresh token reused');
        await this.audit.record(em, who, {
          action: 'session.refresh-reuse-detected',
          entity: 'user',
          entityId: state.userId,
          summary: { sessionId: state.sessionId, address: client.address },
        });
        return null;
      }
      await this.sessions.markRefreshTokenUsed(em, hash);
      const next = newToken();
      await this.sessions.insertRefreshToken(em, state.sessionId, tokenHash(next));
      const session = await this.sessions.touchSession(em, state.sessionId, client.userAgent, client.address);
      return { userId: state.userId, session, next };
    });
    // Thrown after the commit, so the revocation of a reused token's family stays.
    if (!outcome) throw new TokenInvalid('refreshToken');
    return this.signedIn(
      outcome.userId,
      outcome.session.id,
      outcome.next,
      outcome.session.mfaEnrolmentRequired,
    );
  }

  /** Ends one session of the caller (DELETE /api/me/sessions/:id, or sign-out of the current one). */
  async end(actor: Actor, sessionId: string | null, address: string): Promise<void> {
    const userId = actor.userId!;
    await this.dataSource.transaction(async (em) => {
      if (!sessionId || !(await this.sessions.revokeSession(em, userId, sessionId, 'signed out'))) {
        throw new NotFoundError('session', sessionId ?? undefined);
      }
      await this.audit.record(em, actor, {
        action: 'session.ended',
        entity: 'user',
        entityId: userId,
        summary: { sessionId, address },
      });
    });
  }

  /** Ends every session of the caller (sign out everywhere). */
  async endAll(actor: Actor, address: string): Promise<number> {
    const userId = actor.userId!;
    return this.dataSource.transaction(async (em) => {
      const revoked = await this.revokeAllForUser(em, actor, userId, 'signed out everywhere', address);
      return revoked;
    });
  }

  /**
   * Revokes every session of a user inside the caller's transaction (deactivation, role change, password
   * reset), except `exceptSessionId`; audited when any was live.
   */
  async revokeAllForUser(
    em: EntityManager,
    actor: Actor,
    userId: string,
    reason: string,
    address: string | null,
    exceptSessionId: string | null = null,
  ): Promise<number> {
    const revoked = await this.sessions.revokeUserSessions(em, userId, reason, exceptSessionId);
    if (revoked > 0) {
      await this.audit.record(em, actor, {
        action: 'session.revoked-all',
        entity: 'user',
        entityId: userId,
        summary: { reason, revoked, address, keptSessionId: exceptSessionId },
      });
    }
    return revoked;
  }

  async list(userId: string, currentSessionId: string | null): Promise<SessionView[]> {
    const sessions = await this.sessions.liveSessions(this.dataSource.manager, userId);
    return sessions.map((s) => ({
      id: s.id,
      device: deviceName(s.userAgent),
      address: s.address,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      current: s.id === currentSessionId,
    }));
  }

  private async signedIn(
    userId: string,
    sessionId: string,
    refreshToken: string,
    mfaEnrolmentRequired: boolean,
  ): Promise<SignedInView> {
    return {
      status: 'signed_in',
      accessToken: await this.auth.signAccessToken(userId, sessionId),
      tokenType: 'Bearer',
      expiresIn: TOKEN_TTL_SECONDS,
      refreshToken,
      sessionId,
      mfaEnrolmentRequired,
    };
  }
}
