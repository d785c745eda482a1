import { Actor, STAFF_ROLES } from '@app/core';

/** What a user is, as far as scope goes: its roles and the funds it is limited to (none = all). */
export interface ScopedUser {
  roles: readonly string[];
  fundIds: readonly string[];
}

/**
 * A fund-limited admin manages only what stays inside its own funds: staff users (fund_manager, finance,
 * admin) limited to a non-empty subset of the admin's funds. Users of every fund, NGO members, reviewers
 * and donor users (their reach is not bounded by a fund) are for an admin of all funds. Null when allowed,
 * else why not.
 */
export function outOfScope(actor: Actor, user: ScopedUser): string | null {
  if (actor.fundIds.length === 0) return null;
  const other = user.roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (other.length) return `an admin limited to some funds cannot manage ${other.join(', ')} users`;
  if (user.fundIds.length === 0)
    return 'an admin limited to some funds cannot manage a user of every fund (fundIds must not be empty)';
  const outside = user.fundIds.filter((f) => !actor.fundIds.includes(f));
  if (outside.length) return `fundIds outside the admin's own funds: ${outside.join(', ')}`;
  return null;
}
