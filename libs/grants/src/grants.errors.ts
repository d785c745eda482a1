import { DomainError, FieldProblem } from '@app/core';

export class EnvelopeExceeded extends DomainError {
  constructor(envelope: number, committed: number, amount: number) {
    super(
      'conflict',
      'GRANTS.ENVELOPE_EXCEEDED',
      'envelope-exceeded',
      `The call's envelope (${envelope}) has ${envelope - committed} left; ${amount} does not fit`,
    );
  }
}

export class DecisionNotAllowed extends DomainError {
  constructor(message: string) {
    super('conflict', 'GRANTS.DECISION_NOT_ALLOWED', 'decision-not-allowed', message);
  }
}

export class InvalidAward extends DomainError {
  constructor(message: string, field = 'amount') {
    super('rule', 'GRANTS.INVALID_AWARD', 'invalid-award', message, [{ field, messages: [message] }]);
  }
}

export class InvalidSchedule extends DomainError {
  constructor(problems: string[]) {
    const errors: FieldProblem[] = [{ field: 'tranches', messages: problems }];
    super('invalid', 'GRANTS.INVALID_SCHEDULE', 'validation', problems.join('; '), errors);
  }
}

export class TrancheNotDue extends DomainError {
  constructor(n: number, state: string) {
    super('rule', 'GRANTS.TRANCHE_NOT_DUE', 'tranche-not-due', `Tranche ${n} is ${state}, not due`);
  }
}

export class TranchePaid extends DomainError {
  constructor(n: number, state: string) {
    super('conflict', 'GRANTS.TRANCHE_SETTLED', 'tranche-paid', `Tranche ${n} is already ${state}`);
  }
}

export class GrantStateConflict extends DomainError {
  constructor(message: string, code = 'GRANTS.STATE') {
    super('conflict', code, 'grant-state', message);
  }
}

export class ReturnTooLarge extends DomainError {
  constructor(maximum: number) {
    super(
      'rule',
      'GRANTS.RETURN_TOO_LARGE',
      'return-exceeds-paid',
      `At most ${maximum} can be returned: what was paid less what was already returned`,
      [{ field: 'amount', messages: [`amount must be at most ${maximum}`] }],
    );
  }
}

export class ReportStateConflict extends DomainError {
  constructor(message: string) {
    super('conflict', 'GRANTS.REPORT_STATE', 'report-state', message);
  }
}
