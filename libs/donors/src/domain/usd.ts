import { currencyExponent, MAX_AMOUNT, MoneyError, toUsdCents } from '@app/core';
import { AmountTooLarge } from '../donors.errors';

/**
 * Converts `amount` minor units of `currency` at `rate` into the fund's cents, refusing (422, naming
 * `amount`) a result above the one-amount cap, however small the rate that produced it.
 */
export function usdCentsWithinCap(amount: number, currency: string, rate: string): number {
  const exponent = currencyExponent(currency);
  let cents: number;
  try {
    cents = toUsdCents(amount, exponent, rate);
  } catch (error) {
    if (error instanceof MoneyError) throw new AmountTooLarge('amount', 'more than 2^53', MAX_AMOUNT);
    throw error;
  }
  if (cents > MAX_AMOUNT) throw new AmountTooLarge('amount', cents, MAX_AMOUNT);
  return cents;
}
