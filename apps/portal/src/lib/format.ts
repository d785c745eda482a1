/**
 * Every number, date, amount and country name the portal shows goes through Intl in the active locale.
 * Money arrives as integer minor units; the currency's exponent comes from Intl itself.
 */

/** How many decimal places a currency has (2 for USD, 0 for JPY, 3 for KWD), as Intl knows it. */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Integer minor units as an exact decimal string ("-1234.05"), with no floating point on the way. */
export function minorToDecimal(minor: number | bigint, exponent: number): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = exponent > 0 ? digits.slice(0, -exponent) : digits;
  const fraction = exponent > 0 ? `.${digits.slice(-exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function formatMoney(minor: number | bigint, currency: string, locale: string): string {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError(`money must be an integer number of minor units, got ${minor}`);
  }
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Intl.NumberFormat formats a decimal string exactly (ECMA-402 NumberFormat v3).
  return format.format(minorToDecimal(minor, exponent) as unknown as number);
}

/** An amount short enough for a chart's axis ("US$1.2M"): for axes only, never for the figure itself. */
export function formatMoneyCompact(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' });
  return format.format(minor / 10 ** currencyExponent(currency));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A published count: a number, or "<5" for a cell the API hides to protect small groups of people. */
export type PublicCount = number | '<5';

/** The number to sort or chart a published count by (a hidden cell counts as 0). */
export function countValue(count: PublicCount): number {
  return typeof count === 'number' ? count : 0;
}

/** A published count in the reader's language ("<5" becomes "fewer than 5", translated). */
export function formatCount(
  count: PublicCount,
  locale: string,
  fewerThan: (limit: number) => string,
): string {
  return typeof count === 'number' ? formatNumber(count, locale) : fewerThan(5);
}

/** A moment in the reader's own time zone, or in the given one (`UTC` for the fund's time). */
export function formatDateTime(iso: string | Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    ...(timeZone ? {} : { timeZoneName: 'short' }),
  }).format(new Date(iso));
}

export function formatDate(iso: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** An ISO 3166-1 alpha-2 code as the country's name in the active language. */
export function countryName(code: string, locale: string): string {
  try {
    return (
      new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code
    );
  } catch {
    return code;
  }
}

/** Wraps a value in Unicode first-strong isolates, so an amount or a date keeps its order inside RTL text. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** A calendar month (`YYYY-MM`) as "March 2027" in the reader's language. */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00.000Z`),
  );
}
