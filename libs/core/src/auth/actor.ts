/** The six roles of docs/domain.md. */
export const ROLES = ['ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff in docs/api.md: fund_manager, finance and admin. */
export const STAFF_ROLES: readonly Role[] = ['fund_manager', 'finance', 'admin'];

/**
 * Who is acting, passed explicitly from the controller into every use case (and into audit rows), so the
 * same service runs for an HTTP request, a queued job or the demo replay.
 */
export interface Actor {
  userId: string | null; // null for the system (jobs, migrations, seed)
  roles: readonly Role[];
  organizationId: string | null;
  donorId: string | null;
  /** Funds a staff user is limited to; empty = all funds. */
  fundIds: readonly string[];
  requestId: string | null;
  /** The client address of the HTTP request (audit rows record it); absent for jobs and the seed. */
  address?: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: null,
  roles: ['admin'] as Role[],
  organizationId: null,
  donorId: null,
  fundIds: [],
  requestId: null,
});

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

export function isStaff(actor: Actor): boolean {
  return hasRole(actor, ...STAFF_ROLES);
}

/** A staff user limited to some funds may act only on those; an empty list means every fund. */
export function canAccessFund(actor: Actor, fundId: string): boolean {
  return actor.fundIds.length === 0 || actor.fundIds.includes(fundId);
}
