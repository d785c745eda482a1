import { describe, expect, it } from 'vitest';
import { normaliseRate, rateInForce, usdCents, usdCentsOf } from './conversion';

describe('the USD amount shown before a contribution is confirmed (docs/api.md, Conversions)', () => {
  it.each([
    // amount (minor units), currency, rate, USD cents
    [1_000_000, 'NOK', '10', 100_000], // NOK 10,000.00 at 10 per USD: USD 1,000.00
    [1_000_000, 'NOK', '10.6543', 93_859], // 938.5882... dollars: 93,858.82 cents rounds to 93,859
    [5, 'NOK', '10', 1], // 0.05 NOK = 0.005 USD: half a cent rounds away from zero
    [4, 'NOK', '10', 0], // 0.004 USD rounds down
    [150, 'JPY', '150', 100], // JPY has no decimals: 150 yen = 1 dollar
    [1, 'JPY', '200', 1], // 0.005 USD: half a cent, away from zero
    [1_000, 'KWD', '0.307', 326], // KWD 1.000 at 0.307: 3.2573 dollars
    [12_345, 'USD', '1', 12_345],
    [-5, 'NOK', '10', -1], // a negative amount rounds away from zero too
  ])('%i minor units of %s at %s is %i cents', (amount, currency, rate, cents) => {
    expect(usdCentsOf(amount, currency, rate)).toBe(cents);
  });

  it('stays exact where floating point would not', () => {
    // 1.005 dollars: 100.5 cents, which 1.005 * 100 in floating point makes 100.49999...
    expect(usdCents(1005, 3, '1')).toBe(101); // KWD 1.005 at 1 per USD
    expect(Math.round((1005 / 1000 / 1) * 100)).toBe(100); // the float path gets it wrong
    // a large amount: USD 1 billion in NOK at a rate with many places
    expect(usdCents(1_065_430_000_000, 2, '10.6543')).toBe(100_000_000_000);
  });

  it('refuses what is not a positive decimal rate or a safe integer amount', () => {
    expect(usdCents(100, 2, '0')).toBeNull();
    expect(usdCents(100, 2, '-1')).toBeNull();
    expect(usdCents(100, 2, '1e3')).toBeNull();
    expect(usdCents(1.5, 2, '1')).toBeNull();
  });

  it('reads a typed rate with either decimal mark', () => {
    expect(normaliseRate(' 10,5 ')).toBe('10.5');
    expect(normaliseRate('10.50')).toBe('10.50');
    expect(normaliseRate('0')).toBeNull();
    expect(normaliseRate('abc')).toBeNull();
  });

  it('finds the current rate in force on a day, never a superseded or a later one', () => {
    const rates = [
      { id: 'a', effectiveFrom: '2026-01-01', status: 'current' },
      { id: 'b', effectiveFrom: '2026-03-01', status: 'superseded' },
      { id: 'c', effectiveFrom: '2026-03-01', status: 'current' },
      { id: 'd', effectiveFrom: '2026-06-01', status: 'current' },
    ];
    expect(rateInForce(rates, '2026-04-15')?.id).toBe('c');
    expect(rateInForce(rates, '2026-02-01')?.id).toBe('a');
    expect(rateInForce(rates, '2025-12-31')).toBeNull();
  });
});
