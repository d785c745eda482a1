import { DomainError } from '@app/core';

export class AlreadyReversed extends DomainError {
  constructor(id: string) {
    super(
      'conflict',
      'CONTRIBUTIONS.ALREADY_REVERSED',
      'already-reversed',
      `Contribution ${id} is already reversed`,
    );
  }
}

export class PledgeMismatch extends DomainError {
  constructor(message: string) {
    super('rule', 'PLEDGES.MISMATCH', 'pledge-mismatch', message, [
      { field: 'pledgeId', messages: [message] },
    ]);
  }
}

export class DonorNameTaken extends DomainError {
  constructor() {
    super('conflict', 'DONORS.NAME_TAKEN', 'donor-name-taken', 'A donor with this name already exists');
  }
}

export class AmountTooSmall extends DomainError {
  constructor() {
    super(
      'rule',
      'CONTRIBUTIONS.TOO_SMALL',
      'amount-too-small',
      'The amount is worth less than one cent at this rate',
    );
  }
}

export class UnknownReference extends DomainError {
  constructor(field: string, what: string) {
    const message = `${field} names no ${what} you may use`;
    super('rule', 'REQUEST.UNKNOWN_REFERENCE', 'unknown-reference', message, [
      { field, messages: [message] },
    ]);
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
