import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, Clock, InvalidInputError, isPgError, JOB, OutboxService, PG } from '@app/core';
import { AccountTokensService } from '../accounts/account-tokens.service';
import { hashPassword } from '../auth/passwords';
import { passwordProblem } from '../auth/password-policy';
import { RegisterDto, RegisteredView, UserView } from '../dto/identity.dto';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.entity';
import { Person, PeopleRepository } from '../people.repository';
import { toUserView } from '../views';
import { RegistrationLimiter } from './registration-limiter';

/** The answer to a registration: built the same way for a new and an existing address. */
function registeredView(
  dto: RegisterDto,
  ids: { organizationId: string; userId: string },
  createdAt: Date,
): RegisteredView {
  return {
    organization: {
      id: ids.organizationId,
      name: dto.organization.name.trim(),
      country: dto.organization.country,
      registrationNumber: dto.organization.registrationNumber.trim(),
      verified: false,
      verifiedAt: null,
      createdAt,
    },
    user: {
      id: ids.userId,
      email: dto.user.email.trim(),
      name: dto.user.name.trim(),
      roles: ['ngo'],
      organizationId: ids.organizationId,
      donorId: null,
      fundIds: [],
      active: false,
      locale: 'en',
      isOrgAdmin: true,
      createdAt,
    },
  };
}

/**
 * NGO self-registration with a verified e-mail. The organization and its admin start inactive; the
 * confirmation link activates them, and only then are fund managers told. An address that has an account
 * gets a warning mail (or, still unconfirmed, a fresh confirmation link) and the caller the same answer as
 * a new registration, with ids that name nothing: nobody learns which addresses have accounts.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly tokens: AccountTokensService,
    private readonly limiter: RegistrationLimiter,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async register(dto: RegisterDto, actor: Actor): Promise<RegisteredView> {
    const problem = passwordProblem(dto.user.password);
    if (problem) throw new InvalidInputError('user.password', problem);
    await this.limiter.take(actor.address ?? 'unknown', dto.user.email);
    const passwordHash = await hashPassword(dto.user.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const existing = await this.people.byEmail(em, dto.user.email);
        if (existing) return this.answerExisting(em, existing, dto, actor);
        const { org, user } = await this.createOrgAndAdmin(em, dto, passwordHash, false);
        await this.audit.record(
          em,
          { ...actor, userId: user.id },
          {
            action: 'organization.registered',
            entity: 'organization',
            entityId: org.id,
            summary: { name: org.name, country: org.country, userId: user.id },
          },
        );
        await this.tokens.issue(em, 'email_confirmation', { userId: user.id });
        return registeredView(dto, { organizationId: org.id, userId: user.id }, user.createdAt);
      });
    } catch (error) {
      if (!isPgError(error, PG.UNIQUE_VIOLATION, 'users_email_lower_key')) throw error;
      // a concurrent registration took the address between our look-up and insert: answer as for any existing one
      return this.dataSource.transaction(async (em) => {
        const existing = await this.people.byEmail(em, dto.user.email);
        if (!existing) throw error;
        return this.answerExisting(em, existing, dto, actor);
      });
    }
  }

  /** The confirmation link activates the account; fund managers hear of the NGO now. */
  async confirmEmail(token: string, actor: Actor): Promise<UserView> {
    return this.dataSource.transaction(async (em) => {
      const link = await this.tokens.consume(em, token, 'email_confirmation');
      const person = await this.people.byId(em, link.userId!, true);
      if (person?.awaitingConfirmation) {
        await this.people.confirm(em, person.id);
        await this.audit.record(
          em,
          { ...actor, userId: person.id },
          {
            action: 'user.email-confirmed',
            entity: 'user',
            entityId: person.id,
            summary: { organizationId: person.organizationId },
          },
        );
        if (person.organizationId)
          await this.outbox.add(em, JOB.ORGANIZATION_REGISTERED, { organizationId: person.organizationId });
      }
      return toUserView(await em.findOneByOrFail(User, { id: link.userId! }));
    });
  }

  /** For the demo seed and operators: an NGO whose first member is confirmed already (no mail). */
  async registerConfirmed(dto: RegisterDto, actor: Actor): Promise<RegisteredView> {
    const problem = passwordProblem(dto.user.password);
    if (problem) throw new InvalidInputError('user.password', problem);
    const passwordHash = await hashPassword(dto.user.password);
    return this.dataSource.transaction(async (em) => {
      const { org, user } = await this.createOrgAndAdmin(em, dto, passwordHash, true);
      await this.audit.record(
        em,
        { ...actor, userId: actor.userId ?? user.id },
        {
          action: 'organization.registered',
          entity: 'organization',
          entityId: org.id,
          summary: { name: org.name, country: org.country, userId: user.id, confirmed: true },
        },
      );
      await this.outbox.add(em, JOB.ORGANIZATION_REGISTERED, { organizationId: org.id });
      return {
        ...registeredView(dto, { organizationId: org.id, userId: user.id }, user.createdAt),
        user: toUserView(user),
      };
    });
  }

  private async createOrgAndAdmin(
    em: EntityManager,
    dto: RegisterDto,
    passwordHash: string,
    confirmed: boolean,
  ): Promise<{ org: Organization; user: User }> {
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
        active: confirmed,
        awaitingConfirmation: !confirmed,
        isOrgAdmin: true,
        locale: 'en',
      }),
    );
    return { org, user };
  }

  private async answerExisting(
    em: EntityManager,
    existing: Person,
    dto: RegisterDto,
    actor: Actor,
  ): Promise<RegisteredView> {
    if (existing.awaitingConfirmation) {
      await this.tokens.issue(em, 'email_confirmation', { userId: existing.id });
    } else {
      await this.outbox.add(em, JOB.ACCOUNT_MAIL, { userId: existing.id, template: 'registration_attempt' });
    }
    await this.audit.record(em, actor, {
      action: 'user.registration-attempted',
      entity: 'user',
      entityId: existing.id,
      summary: { confirmationResent: existing.awaitingConfirmation },
    });
    return registeredView(dto, { organizationId: randomUUID(), userId: randomUUID() }, this.clock.now());
  }
}
