import { currencyExponent } from '../../lib/format';

/**
 * The USD value of money received in another currency, exactly as the API works it out (docs/api.md,
 * "Conversions"): `amount` minor units of a currency with `e` decimal places (ISO 4217) at `rate` units per
 * USD is worth `amount / 10^e / rate` dollars, rounded half away from zero to the cent. In bigint, from
 * the rate's decimal string, so no floating point ever touches the figure the reader confirms.
 */
export function usdCents(amount: number, exponent: number, rate: string): number | null {
  if (!Number.isSafeInteger(amount)) return null;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!m) return null;
  const fraction = m[2] ?? '';
  const rateNumerator = BigInt(m[1] + fraction);
  if (rateNumerator === 0n) return null;
  const numerator = BigInt(amount) * 100n * 10n ** BigInt(fraction.length);
  const denominator = 10n ** BigInt(exponent) * rateNumerator;
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  const cents = negative ? -q : q;
  return cents > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(cents);
}

/** The same for a currency code, its exponent from Intl (ISO 4217: NOK 2, JPY 0, KWD 3). */
export function usdCentsOf(amount: number, currency: string, rate: string): number | null {
  return usdCents(amount, currencyExponent(currency), rate);
}

/** The currencies the API accepts for money received (libs/core's ISO 4217 table). */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'NOK',
  'SEK',
  'DKK',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'KRW',
  'CNY',
  'INR',
  'BRL',
  'MXN',
  'ZAR',
  'RUB',
  'TRY',
  'PLN',
  'CZK',
  'HUF',
  'ILS',
  'AED',
  'SAR',
  'QAR',
  'KWD',
  'BHD',
  'OMR',
  'EGP',
  'NGN',
  'KES',
  'THB',
  'IDR',
  'PHP',
  'MYR',
] as const;

/** A rate as typed ("10,5" or "10.50"): a positive decimal string the API takes, or null. */
export function normaliseRate(text: string): string | null {
  const s = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) && /[1-9]/.test(s) ? s : null;
}

/**
 * The rate in force on a day: the latest current rate whose effectiveFrom is on or before it, from a list
 * of rates for the currency (superseded ones are never used).
 */
export function rateInForce<R extends { effectiveFrom: string; status: string }>(
  rates: readonly R[],
  day: string,
): R | null {
  let best: R | null = null;
  for (const r of rates) {
    if (r.status !== 'current' || r.effectiveFrom.slice(0, 10) > day) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}
