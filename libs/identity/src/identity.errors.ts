import { DomainError } from '@app/core';

export class EmailTaken extends DomainError {
  static readonly code = 'USER.EMAIL_TAKEN';
  constructor() {
    super('conflict', EmailTaken.code, 'email-taken', 'A user with this email already exists');
  }
}

export class BadCredentials extends DomainError {
  static readonly code = 'AUTH.BAD_CREDENTIALS';
  constructor() {
    super('unauthorized', BadCredentials.code, 'bad-credentials', 'The email or password is wrong');
  }
}

export class InvalidUserLinks extends DomainError {
  static readonly code = 'USER.INVALID_LINK';
  constructor(field: string, message: string) {
    super('rule', InvalidUserLinks.code, 'invalid-user-link', message, [{ field, messages: [message] }]);
  }
}

/** A fund-limited admin manages only staff limited to some of its own funds (README, Security). */
export class UserOutOfScope extends DomainError {
  static readonly code = 'USER.OUT_OF_SCOPE';
  static readonly slug = 'user-out-of-scope';
  constructor(message: string) {
    super('forbidden', UserOutOfScope.code, UserOutOfScope.slug, message);
  }
}
