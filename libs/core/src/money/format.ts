import { currencyExponent } from './money';

/**
 * Minor units as a decimal amount with the currency code after it ("15,000.00 USD"), with thousands
 * separators, never through floating point: the digits are cut from the integer's decimal string.
 *
 * Without `locale` every language gets the one form "12,345.67 USD" (receipts and statements print their
 * figures alike in every language). With `locale` the number takes that language's form through
 * Intl.NumberFormat ("15 000,00 USD" in French, "15.000,00 USD" in Spanish), fed the exact decimal string,
 * with as many fraction digits as the currency has (ISO 4217: 2 for USD, 0 for JPY).
 */
export function formatMinor(amount: number, currency: string, locale?: string): string {
  return `${formatMinorNumber(amount, currency, locale)} ${currency}`;
}

/** The number of `formatMinor` without the currency code ("15,000.00"; "15 000,00" in French). */
export function formatMinorNumber(amount: number, currency: string, locale?: string): string {
  const e = currencyExponent(currency);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(e + 1, '0');
  const wholeDigits = digits.slice(0, digits.length - e);
  const fractionDigits = e > 0 ? digits.slice(-e) : '';
  if (locale) {
    const exact = `${negative ? '-' : ''}${wholeDigits}${e > 0 ? `.${fractionDigits}` : ''}`;
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: e,
      maximumFractionDigits: e,
      useGrouping: true,
    }).format(exact as Intl.StringNumericLiteral);
  }
  const whole = wholeDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}${e > 0 ? `.${fractionDigits}` : ''}`;
}

/** The decimal separator of a language's numbers ("." in English, "," in French). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}
