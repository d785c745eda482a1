import { Actor, canAccessFund, hasRole, isStaff } from '@app/core';

/** A grant the actor may see: NGO members their own organization's, staff within their funds. */
export function canSeeGrant(actor: Actor, g: { fundId: string; organizationId: string }): boolean {
  if (isStaff(actor)) return canAccessFund(actor, g.fundId);
  return hasRole(actor, 'ngo') && actor.organizationId === g.organizationId;
}
