import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, NotFoundError } from '@app/core';
import { TeamRule } from '../accounts/accounts.errors';
import { Person, PeopleRepository } from '../people.repository';
import { UsersService } from '../users.service';
import { requireOrgAdmin } from './org-admin';
import { TeamMemberView } from './teams.dto';

function toMemberView(p: Person): TeamMemberView {
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    roles: p.roles,
    active: p.active,
    isOrgAdmin: p.isOrgAdmin,
    awaitingConfirmation: p.awaitingConfirmation,
  };
}

/**
 * An NGO's team, run by its organization admin: list, deactivate and re-activate members, and hand the
 * admin flag on. Members of another organization do not exist for them (404). Deactivation goes through
 * UsersService's own path, so whatever it ends (tokens, sessions) ends here too.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async members(actor: Actor): Promise<{ items: TeamMemberView[] }> {
    const em = this.dataSource.manager;
    const me = await requireOrgAdmin(this.people, em, actor);
    return { items: (await this.people.members(em, me.organizationId)).map(toMemberView) };
  }

  async setActive(id: string, active: boolean, actor: Actor): Promise<TeamMemberView> {
    const em = this.dataSource.manager;
    const { target } = await this.memberOf(em, id, actor);
    if (target.awaitingConfirmation)
      throw new TeamRule('This member has not confirmed their e-mail address yet');
    await this.users.update(id, { active }, actor);
    return toMemberView((await this.people.byId(em, id))!);
  }

  /** The flag moves: the chosen active member becomes the organization's admin, the caller no longer is. */
  async handAdmin(id: string, actor: Actor): Promise<TeamMemberView> {
    return this.dataSource.transaction(async (em) => {
      const { me, target } = await this.memberOf(em, id, actor, true);
      if (!target.active) throw new TeamRule('The organization admin must be an active member');
      await this.people.handAdmin(em, me.organizationId, me.id, target.id);
      await this.audit.record(em, actor, {
        action: 'organization.admin-handed',
        entity: 'user',
        entityId: target.id,
        summary: { organizationId: me.organizationId, from: me.id, to: target.id },
      });
      return toMemberView((await this.people.byId(em, id))!);
    });
  }

  /** Another ngo member of the caller's organization (anyone else is 404); never the caller themselves. */
  private async memberOf(em: EntityManager, id: string, actor: Actor, lock = false) {
    const me = await requireOrgAdmin(this.people, em, actor);
    const target = await this.people.byId(em, id, lock);
    if (!target || target.organizationId !== me.organizationId) throw new NotFoundError('user', id);
    if (target.id === me.id) throw new TeamRule('An organization admin cannot do this to themselves');
    return { me, target };
  }
}
