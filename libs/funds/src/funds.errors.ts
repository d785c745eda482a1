import { DomainError } from '@app/core';

export class InsufficientFunds extends DomainError {
  static readonly code = 'FUNDS.INSUFFICIENT';
  constructor(available: number, needed: number, currency: string) {
    super(
      'conflict',
      InsufficientFunds.code,
      'insufficient-funds',
      `The fund's available balance (${available} ${currency} minor units) cannot cover ${needed}`,
    );
    // The figures, so a client can say how much is missing (minor units of `currency`).
    this.extensions = { available, needed, missing: needed - available, currency };
  }
}

export class FundCodeTaken extends DomainError {
  static readonly code = 'FUNDS.CODE_TAKEN';
  constructor(code: string) {
    super('conflict', FundCodeTaken.code, 'fund-code-taken', `A fund with code ${code} already exists`);
  }
}

export class AlreadyPosted extends DomainError {
  static readonly code = 'LEDGER.ALREADY_POSTED';
  constructor(sourceType: string, sourceId: string) {
    super('conflict', AlreadyPosted.code, 'already-posted', `${sourceType} ${sourceId} was already posted`);
  }
}

export class InFuture extends DomainError {
  static readonly code = 'REQUEST.IN_FUTURE';
  constructor(field: string) {
    super('invalid', InFuture.code, 'validation', `${field} must not be in the future`, [
      { field, messages: [`${field} must not be in the future`] },
    ]);
  }
}

export class RateMissing extends DomainError {
  static readonly code = 'RATES.MISSING';
  constructor(currency: string, day: string) {
    super(
      'rule',
      RateMissing.code,
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

/** A money write dated on or before the fund's closed period (issue 11: closed periods). */
export class PeriodClosed extends DomainError {
  static readonly code = 'LEDGER.PERIOD_CLOSED';
  static readonly slug = 'period-closed';
  constructor(through: string) {
    super(
      'rule',
      PeriodClosed.code,
      PeriodClosed.slug,
      `The fund's books are closed through ${through}: nothing may take effect on or before that day`,
    );
  }
}

/** A rate for this currency and day exists already (a mistyped one is superseded, not recorded twice). */
export class RateExists extends DomainError {
  static readonly code = 'RATES.EXISTS';
  constructor() {
    super(
      'conflict',
      RateExists.code,
      'exchange-rate-exists',
      'A rate for this currency and day already exists',
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

/** Closing a period earlier than the one already closed: a closed period never reopens. */
export class PeriodCannotReopen extends DomainError {
  static readonly code = 'FUNDS.PERIOD_CANNOT_REOPEN';
  static readonly slug = 'period-cannot-reopen';
  constructor(closedThrough: string, through: string) {
    super(
      'conflict',
      PeriodCannotReopen.code,
      PeriodCannotReopen.slug,
      `The books are closed through ${closedThrough}; closing through ${through} would reopen days`,
    );
  }
}

/** A period that has not ended yet (today or later) cannot be closed. */
export class PeriodNotEnded extends DomainError {
  static readonly code = 'FUNDS.PERIOD_NOT_ENDED';
  static readonly slug = 'period-not-ended';
  constructor(through: string, today: string) {
    super(
      'rule',
      PeriodNotEnded.code,
      PeriodNotEnded.slug,
      `A period can be closed only once it has ended: ${through} is not before today (${today})`,
      [{ field: 'through', messages: [`through must be before ${today}`] }],
    );
  }
}

/**
 * A money write dated before what caused it: a payment before the grant's signature, a return before the
 * payment it returns, a reversal before the receipt, a cost before the fund existed.
 */
export class EffectiveDateTooEarly extends DomainError {
  static readonly code = 'LEDGER.EFFECTIVE_DATE_TOO_EARLY';
  static readonly slug = 'effective-date-too-early';
  constructor(field: string, earliest: string, cause: string) {
    const message = `${field} must be on or after ${earliest} (${cause})`;
    super('rule', EffectiveDateTooEarly.code, EffectiveDateTooEarly.slug, message, [
      { field, messages: [message] },
    ]);
  }
}

/** A fund's logo that is not a PNG or JPEG by its bytes, or whose size in pixels no letterhead can use. */
export class UnsupportedLogo extends DomainError {
  static readonly code = 'FUNDS.UNSUPPORTED_LOGO';
  constructor(detail: string) {
    super('rule', UnsupportedLogo.code, 'unsupported-logo', detail);
  }
}
