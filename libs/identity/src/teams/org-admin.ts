import { EntityManager } from 'typeorm';
import type { Actor } from '@app/core';
import { NotOrgAdmin } from '../accounts/accounts.errors';
import { Person, PeopleRepository } from '../people.repository';

/** The caller as their organization's admin (an active ngo member holding the flag), or NotOrgAdmin (403). */
export async function requireOrgAdmin(
  people: PeopleRepository,
  em: EntityManager,
  actor: Actor,
): Promise<Person & { organizationId: string }> {
  const me = actor.userId ? await people.byId(em, actor.userId) : undefined;
  if (!me || !me.active || !me.isOrgAdmin || !me.organizationId || !me.roles.includes('ngo'))
    throw new NotOrgAdmin();
  return me as Person & { organizationId: string };
}
