import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  hasRole,
  InvalidInputError,
  isPgError,
  NotFoundError,
  Page,
  pageLimit,
  PageQuery,
  PG,
  toPage,
} from '@app/core';
import type { AppConfig } from '@app/core';
import { AccountTokensRepository } from '../accounts/account-tokens.repository';
import { AccountTokensService } from '../accounts/account-tokens.service';
import { InvitationClosed, InvitationPending, NotOrgAdmin, TokenInvalid } from '../accounts/accounts.errors';
import type { ClientInfo } from '../auth/client-info';
import { SessionsService } from '../auth/sessions.service';
import { hashPassword } from '../auth/passwords';
import { passwordProblem } from '../auth/password-policy';
import { SignedInView } from '../dto/account.dto';
import { User } from '../entities/user.entity';
import { EmailTaken } from '../identity.errors';
import { PeopleRepository } from '../people.repository';
import { requireOrgAdmin } from '../teams/org-admin';
import { UsersService } from '../users.service';
import { AcceptInvitationDto, CreateInvitationDto, InvitationView } from './invitations.dto';
import { Invitation, InvitationsRepository } from './invitations.repository';

function toView(i: Invitation, expiresAt: Date | null, now: Date): InvitationView {
  const status = i.acceptedAt
    ? 'accepted'
    : i.revokedAt
      ? 'revoked'
      : expiresAt && expiresAt > now
        ? 'pending'
        : 'expired';
  return {
    id: i.id,
    email: i.email,
    roles: i.roles,
    organizationId: i.organizationId,
    donorId: i.donorId,
    fundIds: i.fundIds,
    locale: i.locale,
    invitedBy: i.invitedBy,
    status,
    expiresAt,
    createdAt: i.createdAt,
  };
}

/**
 * Invitations: an admin invites anyone with any roles (and fund scope for staff); an organization's admin
 * invites ngo members of their own organization. The mail carries a single-use link valid 72 hours;
 * accepting it creates the account with the invited roles, sets the password and signs in.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly tokens: AccountTokensService,
    private readonly tokenRows: AccountTokensRepository,
    private readonly people: PeopleRepository,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async invite(dto: CreateInvitationDto, actor: Actor): Promise<InvitationView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        let organizationId = dto.organizationId ?? null;
        if (!hasRole(actor, 'admin')) {
          const me = await requireOrgAdmin(this.people, em, actor);
          if (dto.roles.some((r) => r !== 'ngo') || dto.donorId || dto.fundIds?.length)
            throw new NotOrgAdmin('An organization admin invites ngo members only, without donor or funds');
          if (organizationId && organizationId !== me.organizationId)
            throw new NotFoundError('organization', organizationId);
          organizationId = me.organizationId;
        }
        await this.users.checkLinks(em, dto.roles, organizationId, dto.donorId ?? null);
        if (await this.people.byEmail(em, dto.email)) throw new EmailTaken();
        const invitation = await this.invitations.insert(em, {
          email: dto.email.trim(),
          roles: dto.roles,
          organizationId,
          donorId: dto.donorId ?? null,
          fundIds: dto.fundIds ?? [],
          locale: dto.locale ?? 'en',
          invitedBy: actor.userId,
          createdAt: this.clock.now(),
        });
        await this.tokens.issue(em, 'invitation', { invitationId: invitation.id });
        await this.record(em, actor, 'invitation.created', invitation);
        return this.view(em, invitation);
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'invitations_pending_email')) throw new InvitationPending();
      throw error;
    }
  }

  async pending(query: PageQuery, actor: Actor): Promise<Page<InvitationView>> {
    const em = this.dataSource.manager;
    const organizationId = hasRole(actor, 'admin')
      ? null
      : (await requireOrgAdmin(this.people, em, actor)).organizationId;
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const rows = await this.invitations.pending(em, { organizationId, cursor, limit: limit + 1 });
    const expiries = await this.tokenRows.latestExpiry(
      em,
      rows.map((r) => r.id),
    );
    const now = this.clock.now();
    return toPage(
      rows,
      limit,
      (i) => toView(i, expiries.get(i.id) ?? null, now),
      (i) => encodeCursor(i.createdAt, i.id),
    );
  }

  /** A new link (the old one dies) and its mail. */
  async resend(id: string, actor: Actor): Promise<InvitationView> {
    return this.dataSource.transaction(async (em) => {
      const invitation = await this.lockOpen(em, id, actor);
      await this.tokens.issue(em, 'invitation', { invitationId: id });
      await this.record(em, actor, 'invitation.resent', invitation);
      return this.view(em, invitation);
    });
  }

  async revoke(id: string, actor: Actor): Promise<InvitationView> {
    return this.dataSource.transaction(async (em) => {
      await this.lockOpen(em, id, actor);
      const invitation = await this.invitations.markRevoked(em, id, this.clock.now());
      await this.tokens.revokeOpen(em, 'invitation', { invitationId: id });
      await this.record(em, actor, 'invitation.revoked', invitation);
      return this.view(em, invitation);
    });
  }

  /** Takes the link once, creates the account with the invited roles, and signs the person in. */
  async accept(dto: AcceptInvitationDto, actor: Actor, client: ClientInfo): Promise<SignedInView> {
    const problem = passwordProblem(dto.password);
    if (problem) throw new InvalidInputError('password', problem);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const link = await this.tokens.consume(em, dto.token, 'invitation');
        const invitation = await this.invitations.lock(em, link.invitationId!);
        if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw new TokenInvalid();
        const user = await em.save(
          em.create(User, {
            email: invitation.email,
            name: dto.name.trim(),
            passwordHash,
            roles: invitation.roles,
            organizationId: invitation.organizationId,
            donorId: invitation.donorId,
            fundIds: invitation.fundIds,
            locale: invitation.locale,
            active: true,
          }),
        );
        await this.invitations.markAccepted(em, invitation.id, user.id, this.clock.now());
        const who = { ...actor, userId: user.id };
        await this.record(em, who, 'invitation.accepted', invitation);
        await this.audit.record(em, who, {
          action: 'user.created',
          entity: 'user',
          entityId: user.id,
          summary: {
            email: user.email,
            roles: user.roles,
            fundIds: user.fundIds,
            invitationId: invitation.id,
          },
        });
        // Signed in as after a password sign-in: a role that needs two-factor sign-in may only enrol first.
        const enrolmentRequired = user.roles.some((r) => this.config.mfaRequiredRoles.includes(r));
        return this.sessions.start(em, user.id, client, enrolmentRequired);
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'users_email_lower_key')) throw new EmailTaken();
      throw error;
    }
  }

  /** An open invitation within the caller's reach (others' are 404), locked. */
  private async lockOpen(em: EntityManager, id: string, actor: Actor): Promise<Invitation> {
    const invitation = await this.invitations.lock(em, id);
    if (!invitation) throw new NotFoundError('invitation', id);
    if (!hasRole(actor, 'admin')) {
      const me = await requireOrgAdmin(this.people, em, actor);
      if (invitation.organizationId !== me.organizationId) throw new NotFoundError('invitation', id);
    }
    if (invitation.acceptedAt || invitation.revokedAt) throw new InvitationClosed();
    return invitation;
  }

  private async view(em: EntityManager, invitation: Invitation): Promise<InvitationView> {
    const expiries = await this.tokenRows.latestExpiry(em, [invitation.id]);
    return toView(invitation, expiries.get(invitation.id) ?? null, this.clock.now());
  }

  private record(em: EntityManager, actor: Actor, action: string, i: Invitation) {
    return this.audit.record(em, actor, {
      action,
      entity: 'invitation',
      entityId: i.id,
      summary: { email: i.email, roles: i.roles, organizationId: i.organizationId, fundIds: i.fundIds },
    });
  }
}
