import { DomainError } from '@app/core';

export class EmailTaken extends DomainError {
  constructor() {
    super('conflict', 'USER.EMAIL_TAKEN', 'email-taken', 'A user with this email already exists');
  }
}

export class BadCredentials extends DomainError {
  constructor() {
    super('unauthorized', 'AUTH.BAD_CREDENTIALS', 'bad-credentials', 'The email or password is wrong');
  }
}

export class InvalidUserLinks extends DomainError {
  constructor(field: string, message: string) {
    super('rule', 'USER.INVALID_LINK', 'invalid-user-link', message, [{ field, messages: [message] }]);
  }
}

/** A fund-limited admin manages only staff limited to some of its own funds (README, Security). */
export class UserOutOfScope extends DomainError {
  static readonly CODE = 'USER.OUT_OF_SCOPE';
  static readonly TYPE = 'user-out-of-scope';
  constructor(message: string) {
    super('forbidden', UserOutOfScope.CODE, UserOutOfScope.TYPE, message);
  }
}
