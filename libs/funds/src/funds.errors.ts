import { DomainError } from '@app/core';

export class InsufficientFunds extends DomainError {
  constructor(available: number, needed: number, currency: string) {
    super(
      'conflict',
      'FUNDS.INSUFFICIENT',
      'insufficient-funds',
      `The fund's available balance (${available} ${currency} minor units) cannot cover ${needed}`,
    );
  }
}

export class FundCodeTaken extends DomainError {
  constructor(code: string) {
    super('conflict', 'FUNDS.CODE_TAKEN', 'fund-code-taken', `A fund with code ${code} already exists`);
  }
}

export class AlreadyPosted extends DomainError {
  constructor(sourceType: string, sourceId: string) {
    super(
      'conflict',
      'LEDGER.ALREADY_POSTED',
      'already-posted',
      `${sourceType} ${sourceId} was already posted`,
    );
  }
}

export class InFuture extends DomainError {
  constructor(field: string) {
    super('invalid', 'REQUEST.IN_FUTURE', 'validation', `${field} must not be in the future`, [
      { field, messages: [`${field} must not be in the future`] },
    ]);
  }
}

export class RateMissing extends DomainError {
  constructor(currency: string, day: string) {
    super(
      'rule',
      'RATES.MISSING',
      'exchange-rate-missing',
      `No UN operational rate of exchange for ${currency} is in force on ${day}; give usdRate or record the rate`,
    );
  }
}

/** The newest rate before the day is older than the fund allows: finance must give the day's rate. */
export class RateStale extends DomainError {
  static readonly code = 'RATES.STALE';
  constructor(currency: string, day: string, effectiveFrom: string, ageDays: number, maxAgeDays: number) {
    super(
      'rule',
      RateStale.code,
      'rate-stale',
      `The newest ${currency} rate on or before ${day} took effect on ${effectiveFrom}, ${ageDays} days earlier; ` +
        `this fund accepts rates at most ${maxAgeDays} days old: give usdRate or record the rate in force`,
    );
  }
}

/** A rate already superseded cannot be superseded again: correct the current one. */
export class RateSuperseded extends DomainError {
  static readonly code = 'RATES.SUPERSEDED';
  constructor(id: string, by: string) {
    super(
      'conflict',
      RateSuperseded.code,
      'rate-superseded',
      `Exchange rate ${id} is already superseded by ${by}; correct the current rate instead`,
    );
  }
}
