import { DomainError } from '@app/core';

/** Errors of the donors context (donors, pledges, contributions): one code (a static field) per class. */

export class ContributionAlreadyReversed extends DomainError {
  static readonly code = 'CONTRIBUTIONS.ALREADY_REVERSED';
  constructor(id: string) {
    super(
      'conflict',
      ContributionAlreadyReversed.code,
      'already-reversed',
      `Contribution ${id} is already reversed`,
    );
  }
}

export class PledgeMismatch extends DomainError {
  static readonly code = 'PLEDGES.MISMATCH';
  constructor(message: string) {
    super('rule', PledgeMismatch.code, 'pledge-mismatch', message, [
      { field: 'pledgeId', messages: [message] },
    ]);
  }
}

export class DonorNameTaken extends DomainError {
  static readonly code = 'DONORS.NAME_TAKEN';
  constructor() {
    super('conflict', DonorNameTaken.code, 'donor-name-taken', 'A donor with this name already exists');
  }
}

export class ContributionTooSmall extends DomainError {
  static readonly code = 'CONTRIBUTIONS.TOO_SMALL';
  constructor() {
    super(
      'rule',
      ContributionTooSmall.code,
      'amount-too-small',
      'The amount is worth less than one cent at this rate',
    );
  }
}

/** A field naming a donor, fund or pledge the caller may not use (or that does not exist). */
export class UnknownReference extends DomainError {
  static readonly code = 'REQUEST.UNKNOWN_REFERENCE';
  constructor(field: string, what: string) {
    const message = `${field} names no ${what} you may use`;
    super('rule', UnknownReference.code, 'unknown-reference', message, [{ field, messages: [message] }]);
  }
}

/** A converted amount above the one-amount cap (USD 1 billion in cents). */
export class AmountTooLarge extends DomainError {
  static readonly code = 'MONEY.AMOUNT_TOO_LARGE';
  static readonly slug = 'amount-too-large';
  constructor(field: string, usdAmount: number | string, max: number) {
    const message = `${field} is worth ${usdAmount} minor units of the fund's currency at this rate; at most ${max}`;
    super('rule', AmountTooLarge.code, AmountTooLarge.slug, message, [{ field, messages: [message] }]);
  }
}
