import { DomainError, FieldProblem, RequestInvalid } from '@app/core';

/** Errors of the calls context: each class owns one code (a static field) and one problem type. */

export class InvalidCallTransition extends DomainError {
  static readonly code = 'CALLS.INVALID_TRANSITION';
  constructor(from: string, action: string) {
    super('conflict', InvalidCallTransition.code, 'invalid-transition', `A ${from} call cannot ${action}`);
  }
}

export class RubricFrozen extends DomainError {
  static readonly code = 'CALLS.RUBRIC_FROZEN';
  constructor() {
    super('conflict', RubricFrozen.code, 'rubric-frozen', 'The rubric cannot change once the call is open');
  }
}

export class CallNotEditable extends DomainError {
  static readonly code = 'CALLS.NOT_EDITABLE';
  constructor(status: string, fields: string[]) {
    super(
      'conflict',
      CallNotEditable.code,
      'call-not-editable',
      `A ${status} call cannot change ${fields.join(', ')}`,
      fields.map((field) => ({ field, messages: [`${field} cannot change once the call is ${status}`] })),
    );
  }
}

export class CallIncomplete extends DomainError {
  static readonly code = 'CALLS.INCOMPLETE';
  constructor(errors: FieldProblem[]) {
    super(
      'rule',
      CallIncomplete.code,
      'call-incomplete',
      `The call is not complete: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}

/**
 * Cross-field problems of a call's fields (400). Its code is the request validation code every client
 * already handles for a 400 (`REQUEST.VALIDATION`, as core's InvalidInputError), kept as it is.
 */
/** The call's fields do not hold together: a 400 with field errors, REQUEST.VALIDATION like any bad request. */
export class InvalidCall extends RequestInvalid {
  constructor(errors: FieldProblem[]) {
    super(errors, `The call is not valid: ${errors.map((e) => e.field).join(', ')}`);
  }
}
