import { Actor, NotFoundError } from '@app/core';

/**
 * Who reads an organization's due diligence: its own NGO members (another organization's is 404, as
 * docs/api.md has it), and staff (fund managers, finance, admins). Reviewers never reach these routes
 * (their role is not allowed on them). An organization is not tied to one fund, so fund-limited staff read
 * every profile; fund settings and assessments follow the staff member's funds.
 */
export function assertReadable(actor: Actor, organizationId: string): void {
  const staff = actor.roles.some((r) => r === 'fund_manager' || r === 'finance' || r === 'admin');
  if (staff) return;
  if (actor.organizationId !== organizationId) throw new NotFoundError('organization', organizationId);
}

/** Only the organization's own NGO members edit its profile and upload its documents. */
export function assertOwn(actor: Actor, organizationId: string): void {
  if (!actor.roles.includes('ngo') || actor.organizationId !== organizationId)
    throw new NotFoundError('organization', organizationId);
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
