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
