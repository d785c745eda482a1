import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AuditService,
  decodeCursor,
  encodeCursor,
  isPgError,
  NotFoundError,
  Page,
  pageLimit,
  PageQuery,
  PG,
  Role,
  SYSTEM_ACTOR,
  toPage,
} from '@app/core';
import type { AppConfig } from '@app/core';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/identity.dto';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { EmailTaken, InvalidUserLinks, UserOutOfScope } from './identity.errors';
import { outOfScope } from './domain/user-scope';
import { assertPasswordAllowed } from './auth/password-policy';
import { hashPassword } from './auth/passwords';
import { SessionsService } from './auth/sessions.service';
import { UsersRepository } from './users.repository';
import { toUserView } from './views';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
  ) {}

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
  }

  async ensureAdmin(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const passwordHash = await hashPassword(adminPassword);
    await this.dataSource.transaction(async (em) => {
      // One process creates the admin even when several start at once.
      await this.users.lockFirstAdmin(em);
      if (await this.users.anyAdmin(em)) return;
      if (await this.users.emailTaken(em, adminEmail)) {
        this.logger.warn(`ADMIN_EMAIL ${adminEmail} belongs to a user who is not an admin; not changing it`);
        return;
      }
      const user = await em.save(
        em.create(User, {
          email: adminEmail,
          name: 'Administrator',
          passwordHash,
          roles: ['admin'],
          fundIds: [],
        }),
      );
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'user.created',
        entity: 'user',
        entityId: user.id,
        summary: { email: user.email, roles: user.roles, reason: 'first admin from ADMIN_EMAIL' },
      });
      this.logger.log(`created the first admin ${adminEmail}`);
    });
  }

  async create(dto: CreateUserDto, actor: Actor): Promise<UserView> {
    const refused = outOfScope(actor, { roles: dto.roles, fundIds: dto.fundIds ?? [] });
    if (refused) throw new UserOutOfScope(refused);
    assertPasswordAllowed(dto.password, 'password', { email: dto.email });
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        await this.checkLinks(em, dto.roles, dto.organizationId ?? null, dto.donorId ?? null);
        const user = await em.save(
          em.create(User, {
            email: dto.email.trim(),
            name: dto.name.trim(),
            passwordHash,
            roles: dto.roles,
            organizationId: dto.organizationId ?? null,
            donorId: dto.donorId ?? null,
            fundIds: dto.fundIds ?? [],
          }),
        );
        await this.audit.record(em, actor, {
          action: 'user.created',
          entity: 'user',
          entityId: user.id,
          summary: { email: user.email, roles: user.roles, fundIds: user.fundIds },
        });
        return toUserView(user);
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'users_email_lower_key')) throw new EmailTaken();
      throw error;
    }
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserView> {
    if (dto.password) assertPasswordAllowed(dto.password, 'password');
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.dataSource.transaction(async (em) => {
      const user = await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || outOfScope(actor, user)) throw new NotFoundError('user', id);
      const roles = dto.roles ?? user.roles;
      // A limited admin cannot widen anyone (itself included) beyond its own funds.
      const refused = outOfScope(actor, { roles, fundIds: dto.fundIds ?? user.fundIds });
      if (refused) throw new UserOutOfScope(refused);
      const organizationId = dto.organizationId === undefined ? user.organizationId : dto.organizationId;
      const donorId = dto.donorId === undefined ? user.donorId : dto.donorId;
      await this.checkLinks(em, roles, organizationId, donorId);
      const changes: Partial<User> = { roles, organizationId, donorId };
      if (dto.name !== undefined) changes.name = dto.name.trim();
      if (dto.fundIds !== undefined) changes.fundIds = dto.fundIds;
      if (dto.active !== undefined) changes.active = dto.active;
      if (passwordHash) changes.passwordHash = passwordHash;
      await em.update(User, { id }, changes);
      const { passwordHash: _omit, ...logged } = changes;
      await this.audit.record(em, actor, {
        action: dto.active === false ? 'user.deactivated' : 'user.updated',
        entity: 'user',
        entityId: id,
        summary: { ...logged, passwordChanged: Boolean(passwordHash) },
      });
      // Deactivation and a change of roles end the user's sessions: their next request is 401.
      const rolesChanged =
        dto.roles !== undefined &&
        (dto.roles.length !== user.roles.length || dto.roles.some((r) => !user.roles.includes(r)));
      if (dto.active === false || rolesChanged) {
        const reason = dto.active === false ? 'user deactivated' : 'roles changed';
        await this.sessions.revokeAllForUser(em, actor, id, reason, null);
      }
      return toUserView((await em.findOneByOrFail(User, { id }))!);
    });
  }

  async list(query: PageQuery, actor: Actor): Promise<Page<UserView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    // A limited admin lists the staff it may manage (see outOfScope): within its funds, staff roles only.
    const rows = await this.users.page(this.dataSource.manager, cursor, limit + 1, actor.fundIds);
    return toPage(rows, limit, toUserView, (u) => encodeCursor(u.createdAt, u.id));
  }

  /** A user, as an admin may see it (`actor`: within a limited admin's scope), or the caller itself. */
  async get(id: string, actor?: Actor): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user || (actor && outOfScope(actor, user))) throw new NotFoundError('user', id);
    return toUserView(user);
  }

  /** Name and roles of each of these users, by id (who did what, in the audit log). */
  async labelsIn(
    em: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, { name: string; roles: string[] }>> {
    const rows = await this.users.labels(em, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, { name: r.name, roles: r.roles }]));
  }

  /** The active users holding `role`, by name (reviewers to choose from, say): id, name and e-mail only. */
  async activeWithRoleIn(
    em: EntityManager,
    role: Role,
  ): Promise<{ id: string; name: string; email: string }[]> {
    const users = await em.find(User, {
      where: { active: true },
      select: { id: true, name: true, email: true, roles: true },
      order: { name: 'ASC', id: 'ASC' },
    });
    return users.filter((u) => u.roles.includes(role)).map(({ id, name, email }) => ({ id, name, email }));
  }

  /** Whether the user exists, is active and holds `role` (another context naming a reviewer, say). */
  async isActiveWithRole(em: EntityManager, id: string, role: Role): Promise<boolean> {
    const user = await em.findOne(User, { where: { id }, select: { id: true, active: true, roles: true } });
    return !!user && user.active && user.roles.includes(role);
  }

  /** NGO members belong to an organization, donor users to a donor; the linked rows must exist. */
  async checkLinks(
    em: EntityManager,
    roles: readonly string[],
    organizationId: string | null,
    donorId: string | null,
  ): Promise<void> {
    if (roles.includes('ngo') && !organizationId) {
      throw new InvalidUserLinks('organizationId', 'an ngo user needs an organizationId');
    }
    if (roles.includes('donor') && !donorId)
      throw new InvalidUserLinks('donorId', 'a donor user needs a donorId');
    if (organizationId && !(await em.existsBy(Organization, { id: organizationId }))) {
      throw new InvalidUserLinks('organizationId', 'organizationId names no organization');
    }
    if (donorId) {
      if (!(await this.users.donorExists(em, donorId)))
        throw new InvalidUserLinks('donorId', 'donorId names no donor');
    }
  }
}
