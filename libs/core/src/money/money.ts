/**
 * Money is an integer number of minor units (cents for USD) beside an ISO 4217 code. Never a float.
 */
import { ValueTransformer } from 'typeorm';

export class MoneyError extends Error {}

/** Decimal places of the currencies the fund deals in (ISO 4217). Unknown codes are refused. */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  NOK: 2,
  SEK: 2,
  DKK: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  JPY: 0,
  KRW: 0,
  CNY: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  RUB: 2,
  TRY: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  ILS: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  EGP: 2,
  NGN: 2,
  KES: 2,
  THB: 2,
  IDR: 2,
  PHP: 2,
  MYR: 2,
  SGD: 2,
  HKD: 2,
  TWD: 2,
  COP: 2,
  CLP: 0,
  ARS: 2,
  PEN: 2,
  ISK: 0,
  LKR: 2,
  PKR: 2,
  BDT: 2,
  VND: 0,
  UAH: 2,
  RON: 2,
  BGN: 2,
  MAD: 2,
  TND: 3,
  JOD: 3,
  LBP: 2,
  XOF: 0,
  XAF: 0,
  GHS: 2,
  ETB: 2,
  UGX: 0,
});

export function isKnownCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}

export function currencyExponent(code: string): number {
  const e = CURRENCY_EXPONENTS[code];
  if (e === undefined) throw new MoneyError(`unknown currency ${code}`);
  return e;
}

/** The largest amount one money field accepts: USD 1 billion (or its like) in minor units. */
export const MAX_AMOUNT = 100_000_000_000;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The one way a bigint (a column, or a SQL sum cast to ::bigint or numeric) is read into a number: from
 * the text PostgreSQL sends (or a number or bigint), refusing anything that is not an integer within
 * +/-(2^53 - 1), so a sum is never silently rounded. null reads as 0 (an empty sum).
 */
export function minor(value: string | number | bigint | null | undefined, what = 'amount'): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string' && !/^-?\d+$/.test(value)) {
    throw new MoneyError(`refusing to read ${what} ${value}: not an integer of minor units`);
  }
  const big = typeof value === 'number' ? value : BigInt(value);
  if (typeof big === 'number' ? !Number.isSafeInteger(big) : big > MAX_SAFE || big < -MAX_SAFE) {
    throw new MoneyError(`refusing to read ${what} ${String(value)}: not a safe integer of minor units`);
  }
  return Number(big);
}

export function assertMinorUnits(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} must be a safe integer of minor units`);
  return value;
}

/**
 * Column transformer for `bigint` money columns: PostgreSQL hands bigint back as a string; this turns it
 * into a number and refuses anything that is not a safe integer, both ways.
 */
export const minorUnits: ValueTransformer = {
  to(value: number | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new MoneyError(`refusing to store ${String(value)}: not a safe integer of minor units`);
    }
    return String(value);
  },
  from(value: string | number | null): number | null {
    if (value === null || value === undefined) return null;
    return minor(value);
  },
};

/** Division of two non-negative-or-negative bigints rounded half away from zero. */
export function divRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new MoneyError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d); // floor((n / d) + 1/2) for non-negative n, d
  return negative ? -q : q;
}

/**
 * Applies a rate in basis points (1300 = 13%) to an amount of minor units:
 * `amount x bps / 10000`, rounded half away from zero to the minor unit (so 0.5 cent goes to 1 cent,
 * -0.5 cent to -1 cent). Exact: computed in bigint, never in floating point.
 */
export function applyBps(amount: number, bps: number): number {
  assertMinorUnits(amount);
  if (!Number.isSafeInteger(bps) || bps < 0) throw new MoneyError('bps must be a non-negative integer');
  return minor(divRoundHalfAwayFromZero(BigInt(amount) * BigInt(bps), 10000n));
}

/**
 * Splits `total` minor units over parts in proportion to `weights` by the largest-remainder method:
 * each part first gets the floor of its exact share `total x w / sum(w)`; the units left over (fewer than
 * the number of parts) go one each to the parts with the largest remainders, ties to the earlier part.
 * So the parts always add up to `total` and each differs from its exact share by less than one unit.
 * `total` must be a non-negative safe integer; weights non-negative integers with a positive sum.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinorUnits(total, 'total');
  if (total < 0) throw new MoneyError('total must not be negative');
  if (weights.length === 0) throw new MoneyError('at least one weight is needed');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new MoneyError('weights must be non-negative integers');
  }
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum === 0n) throw new MoneyError('weights must not all be zero');
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/**
 * Converts `amount` minor units of a currency with `exponent` decimals at `rate` units per 1 USD (a decimal
 * string, the UN operational rate's quotation) into USD cents: `amount / 10^e / rate` dollars, rounded half
 * away from zero to the cent. Exact: the decimal rate is turned into a fraction of bigints.
 */
export function toUsdCents(amount: number, exponent: number, rate: string): number {
  assertMinorUnits(amount);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!m) throw new MoneyError(`rate "${rate}" is not a positive decimal`);
  const fraction = m[2] ?? '';
  const rateNumerator = BigInt(m[1] + fraction); // rate = rateNumerator / 10^fraction.length
  if (rateNumerator === 0n) throw new MoneyError('rate must be positive');
  // cents = amount / 10^e / rate * 100 = amount * 100 * 10^f / (10^e * rateNumerator)
  const numerator = BigInt(amount) * 100n * 10n ** BigInt(fraction.length);
  const denominator = 10n ** BigInt(exponent) * rateNumerator;
  return minor(divRoundHalfAwayFromZero(numerator, denominator), 'converted amount');
}
