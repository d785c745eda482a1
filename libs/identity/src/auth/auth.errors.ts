import { DomainError } from '@app/core';

/**
 * A token that is unknown, used, expired, revoked or another user's (one error, one code). A refresh, step
 * or reset token names its field and is 401; an account link (invitation, e-mail confirmation, or one for
 * another purpose), followed from a mail, names none and is 400.
 */
export class TokenInvalid extends DomainError {
  static readonly code = 'AUTH.TOKEN_INVALID';
  static readonly slug = 'token-invalid';
  constructor(field?: string) {
    const message =
      field === undefined
        ? 'This link is unknown, already used or expired'
        : 'The token is unknown, used, expired or revoked';
    super(
      field === undefined ? 'invalid' : 'unauthorized',
      TokenInvalid.code,
      TokenInvalid.slug,
      message,
      field === undefined ? undefined : [{ field, messages: [message] }],
    );
  }
}

/** A TOTP or recovery code that is wrong, outside the accepted window, or already used. */
export class MfaCodeInvalid extends DomainError {
  static readonly code = 'AUTH.MFA_CODE_INVALID';
  constructor(field: string) {
    const message = 'The code is wrong or was already used';
    super('rule', MfaCodeInvalid.code, 'mfa-code-invalid', message, [{ field, messages: [message] }]);
  }
}

/** The session may only enrol in two-factor sign-in until it has done so. */
export class MfaEnrolmentRequired extends DomainError {
  static readonly code = 'AUTH.MFA_ENROLMENT_REQUIRED';
  constructor() {
    super(
      'forbidden',
      MfaEnrolmentRequired.code,
      'mfa-enrolment-required',
      'Your role needs two-factor sign-in: enrol at POST /api/me/mfa/enrol first',
    );
  }
}

/** Enrolment already confirmed (reset it first), or confirming with nothing to confirm. */
export class MfaEnrolmentState extends DomainError {
  static readonly code = 'AUTH.MFA_ENROLMENT_STATE';
  constructor(message: string) {
    super('conflict', MfaEnrolmentState.code, 'mfa-enrolment-state', message);
  }
}

/** A password the policy refuses (too short, too common). */
export class WeakPassword extends DomainError {
  static readonly code = 'AUTH.WEAK_PASSWORD';
  constructor(field: string, reason: string) {
    super('rule', WeakPassword.code, 'weak-password', reason, [{ field, messages: [reason] }]);
  }
}

/** Changing one's password needs the current one. */
export class CurrentPasswordWrong extends DomainError {
  static readonly code = 'AUTH.CURRENT_PASSWORD_WRONG';
  constructor() {
    const message = 'The current password is wrong';
    super('rule', CurrentPasswordWrong.code, 'current-password-wrong', message, [
      { field: 'currentPassword', messages: [message] },
    ]);
  }
}
