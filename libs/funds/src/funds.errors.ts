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
