import { Actor, canAccessFund, hasRole, isStaff, NotFoundEntity, NotFoundError } from '@app/core';

/**
 * Object-level scope, for every context to filter by organization, donor or fund. "Something that exists
 * but is not the caller's is 404" (docs/api.md), so these throw NotFound, never Forbidden.
 */
export const Scope = {
  /** NGO members see their own organization's things; staff see what their funds allow. */
  assertOrganization(
    actor: Actor,
    organizationId: string,
    entity: NotFoundEntity,
    id: string,
    fundId?: string,
  ): void {
    if (isStaff(actor) && (!fundId || canAccessFund(actor, fundId))) return;
    if (hasRole(actor, 'ngo') && actor.organizationId === organizationId) return;
    throw new NotFoundError(entity, id);
  },

  /** Donor users see their own donor's things; finance and admin see all (within their funds). */
  assertDonor(actor: Actor, donorId: string, entity: NotFoundEntity, id: string, fundId?: string): void {
    if (hasRole(actor, 'finance', 'admin') && (!fundId || canAccessFund(actor, fundId))) return;
    if (hasRole(actor, 'donor') && actor.donorId === donorId) return;
    throw new NotFoundError(entity, id);
  },

  /** Staff limited to some funds: anything of another fund does not exist for them. */
  assertFund(actor: Actor, fundId: string, entity: NotFoundEntity = 'fund', id = fundId): void {
    if (!canAccessFund(actor, fundId)) throw new NotFoundError(entity, id);
  },

  /** SQL filter for lists: `{ organizationId }` for NGO members, `{ donorId }` for donors, or none. */
  listFilter(actor: Actor): { organizationId?: string; donorId?: string; fundIds?: readonly string[] } {
    if (isStaff(actor)) return actor.fundIds.length ? { fundIds: actor.fundIds } : {};
    if (hasRole(actor, 'ngo'))
      return { organizationId: actor.organizationId ?? '00000000-0000-0000-0000-000000000000' };
    if (hasRole(actor, 'donor')) return { donorId: actor.donorId ?? '00000000-0000-0000-0000-000000000000' };
    return {};
  },
};
