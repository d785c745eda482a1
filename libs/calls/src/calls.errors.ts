import { DomainError, FieldProblem } from '@app/core';

export class InvalidCallTransition extends DomainError {
  constructor(from: string, action: string) {
    super('conflict', 'CALLS.INVALID_TRANSITION', 'invalid-transition', `A ${from} call cannot ${action}`);
  }
}

export class RubricFrozen extends DomainError {
  constructor() {
    super(
      'conflict',
      'CALLS.RUBRIC_FROZEN',
      'rubric-frozen',
      'The rubric cannot change once the call is open',
    );
  }
}

export class CallNotEditable extends DomainError {
  constructor(status: string, fields: string[]) {
    super(
      'conflict',
      'CALLS.NOT_EDITABLE',
      'call-not-editable',
      `A ${status} call cannot change ${fields.join(', ')}`,
      fields.map((field) => ({ field, messages: [`${field} cannot change once the call is ${status}`] })),
    );
  }
}

export class CallIncomplete extends DomainError {
  constructor(errors: FieldProblem[]) {
    super(
      'rule',
      'CALLS.INCOMPLETE',
      'call-incomplete',
      `The call is not complete: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}

export class InvalidCall extends DomainError {
  constructor(errors: FieldProblem[]) {
    super(
      'invalid',
      'REQUEST.VALIDATION',
      'validation',
      `The call is not valid: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}
