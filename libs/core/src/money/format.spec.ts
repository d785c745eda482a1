import { decimalSeparator, formatMinor, formatMinorNumber } from './format';

describe('formatMinor', () => {
  it('keeps the one form without a language: thousands separators, the currency digits, no float', () => {
    expect(formatMinor(1_500_000, 'USD')).toBe('15,000.00 USD');
    expect(formatMinor(-5, 'USD')).toBe('-0.05 USD');
    expect(formatMinor(1_000, 'JPY')).toBe('1,000 JPY');
    expect(formatMinor(99_999_999_999, 'USD')).toBe('999,999,999.99 USD');
  });

  it("takes the language's form with a locale, exactly", () => {
    expect(formatMinor(1_500_000, 'USD', 'en')).toBe('15,000.00 USD');
    expect(formatMinor(1_500_000, 'USD', 'fr')).toBe('15\u202f000,00 USD');
    expect(formatMinor(1_500_000, 'USD', 'es')).toBe('15.000,00 USD');
    expect(formatMinor(1_500_000, 'USD', 'ru')).toBe('15\u00a0000,00 USD');
    expect(formatMinor(1_500_000, 'USD', 'zh')).toBe('15,000.00 USD');
    expect(formatMinor(1_500_000, 'USD', 'ar')).toBe(
      `${new Intl.NumberFormat('ar', { minimumFractionDigits: 2 }).format(15000)} USD`,
    );
    // 0.1 + 0.2 style drift cannot happen: the digits come from the integer
    expect(formatMinor(99_999_999_999, 'USD', 'fr')).toBe('999\u202f999\u202f999,99 USD');
    expect(formatMinor(7, 'USD', 'en')).toBe('0.07 USD');
    expect(formatMinor(-1_234_567, 'USD', 'en')).toBe('-12,345.67 USD');
    expect(formatMinor(123_456, 'JPY', 'fr')).toBe('123\u202f456 JPY');
  });

  it('gives the number alone where the code goes first', () => {
    expect(formatMinorNumber(51_000_000, 'USD', 'en')).toBe('510,000.00');
    expect(formatMinorNumber(51_000_000, 'USD')).toBe('510,000.00');
  });

  it('names the decimal separator of a language', () => {
    expect(decimalSeparator('en')).toBe('.');
    expect(decimalSeparator('fr')).toBe(',');
  });
});
