import { currencyExponent, formatMoney } from '../../lib/format';

/** The whole currency units of an amount of minor units (for aria-valuenow/max: whole numbers). */
export function majorUnits(minor: number, currency: string): number {
  return Math.trunc(minor / 10 ** currencyExponent(currency));
}

/** "USD 50,000 of USD 500,000, 10%" in the reader's language: amounts in whole units, the share rounded down. */
export function progressParts(
  available: number,
  target: number,
  currency: string,
  locale: string,
): { available: string; target: string; percent: string; ratio: number } {
  const exponent = currencyExponent(currency);
  const whole = (minor: number) => {
    const unit = 10 ** exponent;
    // Whole units, exact: an amount of cents divisible by the unit prints with no decimals.
    return minor % unit === 0
      ? new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          currencyDisplay: 'code',
          maximumFractionDigits: 0,
          minimumFractionDigits: 0,
        }).format(minor / unit)
      : formatMoney(minor, currency, locale);
  };
  const ratio = target > 0 ? Math.max(0, available) / target : 0;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.floor(ratio * 100) / 100,
  );
  return { available: whole(available), target: whole(target), percent, ratio };
}
