import { DomainError, FieldProblem } from '@app/core';

export class NotEligibleForReview extends DomainError {
  constructor(status: string) {
    super(
      'rule',
      'REVIEWS.APPLICATION_NOT_ELIGIBLE',
      'application-not-eligible',
      `A ${status} application cannot be reviewed`,
    );
  }
}

export class NotAReviewer extends DomainError {
  constructor() {
    super(
      'rule',
      'REVIEWS.NOT_A_REVIEWER',
      'not-a-reviewer',
      'reviewerId must name an active user with the reviewer role',
      [{ field: 'reviewerId', messages: ['not an active reviewer'] }],
    );
  }
}

export class DuplicateAssignment extends DomainError {
  constructor() {
    super(
      'conflict',
      'REVIEWS.DUPLICATE_ASSIGNMENT',
      'duplicate-assignment',
      'This reviewer is already assigned to this application',
    );
  }
}

export class ConflictDeclared extends DomainError {
  constructor() {
    super(
      'conflict',
      'REVIEWS.CONFLICT_DECLARED',
      'review-conflict',
      'A conflict of interest was declared: this assignment cannot score',
    );
  }
}

export class ReviewSubmitted extends DomainError {
  constructor() {
    super('conflict', 'REVIEWS.ALREADY_SUBMITTED', 'review-submitted', 'The review is submitted and locked');
  }
}

export class InvalidScores extends DomainError {
  constructor(errors: FieldProblem[]) {
    super(
      'invalid',
      'REVIEWS.INVALID_SCORES',
      'validation',
      `The scores do not fit the rubric: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}

export class ReviewIncomplete extends DomainError {
  constructor(errors: FieldProblem[]) {
    super(
      'rule',
      'REVIEWS.INCOMPLETE',
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
