import { DomainError } from '@app/core';

/** An account link that is unknown, used, revoked, expired or for another purpose: `new TokenInvalid()` (400). */
export { TokenInvalid } from '../auth/auth.errors';

/** Too many registrations from one client address or for one e-mail address. */
export class TooManyRegistrations extends DomainError {
  static readonly code = 'AUTH.TOO_MANY_REGISTRATIONS';
  constructor() {
    super(
      'too_many',
      TooManyRegistrations.code,
      'too-many-registrations',
      'Too many registrations; try again later',
    );
  }
}

/** A pending invitation for this e-mail address exists already: resend or revoke it instead. */
export class InvitationPending extends DomainError {
  static readonly code = 'INVITATION.PENDING';
  constructor() {
    super('conflict', InvitationPending.code, 'invitation-pending', 'This address has a pending invitation');
  }
}

/** The invitation was accepted or revoked: it can no longer be resent or revoked. */
export class InvitationClosed extends DomainError {
  static readonly code = 'INVITATION.CLOSED';
  constructor() {
    super('conflict', InvitationClosed.code, 'invitation-closed', 'This invitation was accepted or revoked');
  }
}

/** The caller is not their organization's admin (or asks for more than an organization admin may). */
export class NotOrgAdmin extends DomainError {
  static readonly code = 'TEAM.NOT_ORG_ADMIN';
  constructor(
    message = "Only the organization's admin may do this, for ngo members of their own organization",
  ) {
    super('forbidden', NotOrgAdmin.code, 'not-org-admin', message);
  }
}

/** An organization admin cannot deactivate themselves or hand the flag to themselves. */
export class TeamRule extends DomainError {
  static readonly code = 'TEAM.RULE';
  constructor(message: string) {
    super('rule', TeamRule.code, 'team-rule', message);
  }
}
