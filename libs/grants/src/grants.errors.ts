import { DomainError, FieldProblem } from '@app/core';

/** The grants context's errors: one class per code, the code a static field (clients may switch on it). */

export class EnvelopeExceeded extends DomainError {
  static readonly code = 'GRANTS.ENVELOPE_EXCEEDED';
  constructor(envelope: number, committed: number, amount: number) {
    super(
      'conflict',
      EnvelopeExceeded.code,
      'envelope-exceeded',
      `The call's envelope (${envelope}) has ${envelope - committed} left; ${amount} does not fit`,
    );
  }
}

export class DecisionNotAllowed extends DomainError {
  static readonly code = 'GRANTS.DECISION_NOT_ALLOWED';
  constructor(message: string) {
    super('conflict', DecisionNotAllowed.code, 'decision-not-allowed', message);
  }
}

export class InvalidAward extends DomainError {
  static readonly code = 'GRANTS.INVALID_AWARD';
  constructor(message: string, field = 'amount') {
    super('rule', InvalidAward.code, 'invalid-award', message, [{ field, messages: [message] }]);
  }
}

export class InvalidSchedule extends DomainError {
  static readonly code = 'GRANTS.INVALID_SCHEDULE';
  constructor(problems: string[]) {
    const errors: FieldProblem[] = [{ field: 'tranches', messages: problems }];
    super('invalid', InvalidSchedule.code, 'validation', problems.join('; '), errors);
  }
}

export class TrancheNotDue extends DomainError {
  static readonly code = 'GRANTS.TRANCHE_NOT_DUE';
  constructor(n: number, state: string) {
    super('rule', TrancheNotDue.code, 'tranche-not-due', `Tranche ${n} is ${state}, not due`);
  }
}

/** The tranche is paid or cancelled already (its problem type stays `tranche-paid`, as clients know it). */
export class TrancheSettled extends DomainError {
  static readonly code = 'GRANTS.TRANCHE_SETTLED';
  constructor(n: number, state: string) {
    super('conflict', TrancheSettled.code, 'tranche-paid', `Tranche ${n} is already ${state}`);
  }
}

/** The grant is not active (closed or cancelled): nothing more happens to it. */
export class GrantStateConflict extends DomainError {
  static readonly code = 'GRANTS.STATE';
  constructor(status: string) {
    super('conflict', GrantStateConflict.code, 'grant-state', `The grant is ${status}`);
  }
}

export class GrantAlreadySigned extends DomainError {
  static readonly code = 'GRANTS.ALREADY_SIGNED';
  constructor() {
    super('conflict', GrantAlreadySigned.code, 'grant-state', 'The agreement is already signed');
  }
}

export class NothingToCancel extends DomainError {
  static readonly code = 'GRANTS.NOTHING_TO_CANCEL';
  constructor() {
    super('conflict', NothingToCancel.code, 'grant-state', 'No undisbursed tranche is left to cancel');
  }
}

export class ReturnTooLarge extends DomainError {
  static readonly code = 'GRANTS.RETURN_TOO_LARGE';
  constructor(maximum: number) {
    super(
      'rule',
      ReturnTooLarge.code,
      'return-exceeds-paid',
      `At most ${maximum} can be returned: what was paid less what was already returned`,
      [{ field: 'amount', messages: [`amount must be at most ${maximum}`] }],
    );
  }
}

export class ReportStateConflict extends DomainError {
  static readonly code = 'GRANTS.REPORT_STATE';
  constructor(message: string) {
    super('conflict', ReportStateConflict.code, 'report-state', message);
  }
}

/** A decision departs from the terms the partner's risk rating sets, without a reason (issue 17). */
export class OverrideReasonRequired extends DomainError {
  static readonly code = 'GRANTS.OVERRIDE_REASON_REQUIRED';
  constructor(overrides: string[] = []) {
    super(
      'rule',
      OverrideReasonRequired.code,
      'override-reason-required',
      `Overriding the risk rating's terms needs a reason (overrideReason): ${overrides.join('; ')}`,
      [{ field: 'overrideReason', messages: overrides.length ? overrides : ['a reason is required'] }],
    );
  }
}

/**
 * In the full post-award workflow a report waits for the accepted offer and the agreement signed by both
 * sides (`domain/reporting.ts`); the grant view's `reporting` says the same before anyone tries.
 */
export class ReportingNotOpen extends DomainError {
  static readonly code = 'GRANTS.REPORTING_NOT_OPEN';
  constructor(reason: 'offer_not_accepted' | 'agreement_not_signed') {
    super(
      'conflict',
      ReportingNotOpen.code,
      'reporting-not-open',
      reason === 'offer_not_accepted'
        ? 'Reports follow the accepted award: accept the offer and sign the agreement first'
        : 'Reports follow the signed agreement: it needs the signatory’s signature and the fund’s countersignature first',
    );
  }
}
