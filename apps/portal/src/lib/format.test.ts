import { describe, expect, it } from 'vitest';
import { countryName, currencyExponent, formatDateTime, formatMoney, minorToDecimal } from './format';

describe('money from integer minor units', () => {
  it.each([
    [123456, 'USD', 'en', '$1,234.56'],
    [123456, 'JPY', 'en', '¥123,456'],
    [123456, 'KWD', 'en', 'KWD 123.456'],
    [5, 'USD', 'en', '$0.05'],
    [-250, 'USD', 'en', '-$2.50'],
    [123456, 'EUR', 'fr', '1 234,56 €'],
    [123456, 'USD', 'ru', '1 234,56 $'],
  ])('%d %s in %s reads %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale).replace(/\s/g, ' ')).toBe(expected.replace(/\s/g, ' '));
  });

  it('uses the currency exponent Intl knows', () => {
    expect([currencyExponent('USD'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 0, 3]);
  });

  it('keeps amounts beyond float precision exact', () => {
    expect(minorToDecimal(9007199254740991n * 10n + 7n, 2)).toBe('900719925474099.17');
    expect(formatMoney(9007199254740991, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });

  it('refuses a fraction of a minor unit', () => {
    expect(() => formatMoney(1.5, 'USD', 'en')).toThrow(RangeError);
  });

  it('writes Arabic amounts in the Arabic locale', () => {
    expect(formatMoney(150000, 'USD', 'ar')).toMatch(/US\$|\$/);
  });
});

describe('dates and countries', () => {
  const moment = '2030-06-30T23:59:59Z';
  it('shows a deadline in UTC when asked', () => {
    expect(formatDateTime(moment, 'en', 'UTC')).toBe('June 30, 2030 at 11:59 PM');
  });
  it('shows a deadline in the reader time zone with its name', () => {
    const text = formatDateTime(moment, 'en');
    expect(text).toMatch(/2030/);
    expect(text).toMatch(/[A-Z]{2,}|GMT|UTC/);
  });
  it.each([
    ['NG', 'en', 'Nigeria'],
    ['DE', 'fr', 'Allemagne'],
    ['KE', 'ru', 'Кения'],
    ['XY', 'en', 'XY'],
    ['1', 'en', '1'],
  ])('country %s in %s is %s', (code, locale, name) => {
    expect(countryName(code, locale)).toBe(name);
  });
});
