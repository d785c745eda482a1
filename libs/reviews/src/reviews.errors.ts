import { DomainError, FieldProblem } from '@app/core';

export class NotEligibleForReview extends DomainError {
  static readonly code = 'REVIEWS.APPLICATION_NOT_ELIGIBLE';
  constructor(status: string) {
    super(
      'rule',
      NotEligibleForReview.code,
      'application-not-eligible',
      `A ${status} application cannot be reviewed`,
    );
  }
}

export class NotAReviewer extends DomainError {
  static readonly code = 'REVIEWS.NOT_A_REVIEWER';
  constructor() {
    super(
      'rule',
      NotAReviewer.code,
      'not-a-reviewer',
      'reviewerId must name an active user with the reviewer role',
      [{ field: 'reviewerId', messages: ['not an active reviewer'] }],
    );
  }
}

export class DuplicateAssignment extends DomainError {
  static readonly code = 'REVIEWS.DUPLICATE_ASSIGNMENT';
  constructor() {
    super(
      'conflict',
      DuplicateAssignment.code,
      'duplicate-assignment',
      'This reviewer is already assigned to this application',
    );
  }
}

export class ConflictDeclared extends DomainError {
  static readonly code = 'REVIEWS.CONFLICT_DECLARED';
  constructor() {
    super(
      'conflict',
      ConflictDeclared.code,
      'review-conflict',
      'A conflict of interest was declared: this assignment cannot score',
    );
  }
}

export class ReviewSubmitted extends DomainError {
  static readonly code = 'REVIEWS.ALREADY_SUBMITTED';
  constructor() {
    super('conflict', ReviewSubmitted.code, 'review-submitted', 'The review is submitted and locked');
  }
}

export class InvalidScores extends DomainError {
  static readonly code = 'REVIEWS.INVALID_SCORES';
  constructor(errors: FieldProblem[]) {
    super(
      'invalid',
      InvalidScores.code,
      'validation',
      `The scores do not fit the rubric: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}

export class ReviewIncomplete extends DomainError {
  static readonly code = 'REVIEWS.INCOMPLETE';
  constructor(errors: FieldProblem[]) {
    super(
      'rule',
      ReviewIncomplete.code,
      'review-incomplete',
      'Every rubric criterion must be scored before submitting',
      errors,
    );
  }
}

/** Scores are frozen once the application is decided (approved, rejected), withdrawn or ineligible. */
export class ApplicationDecided extends DomainError {
  static readonly code = 'REVIEWS.APPLICATION_DECIDED';
  constructor(status: string) {
    super(
      'conflict',
      ApplicationDecided.code,
      'application-decided',
      `The application is ${status}: its reviews can no longer be scored or submitted`,
    );
  }
}
