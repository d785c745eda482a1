import { MAX_AMOUNT } from '@app/core';
import { AmountTooLarge } from '../donors.errors';
import { usdCentsWithinCap } from './usd';

describe('conversion into the fund currency', () => {
  it.each([
    ['EUR at 0.9 per USD', 90_00, 'EUR', '0.9', 100_00],
    ['JPY (no decimals) at 150', 15_000, 'JPY', '150', 100_00],
    ['KWD (three decimals) at 0.3', 30_000, 'KWD', '0.3', 100_00],
    ['half a cent rounds away from zero', 1, 'EUR', '2', 1],
  ])('%s', (_name, amount, currency, rate, cents) => {
    expect(usdCentsWithinCap(amount, currency, rate)).toBe(cents);
  });

  it('the cap itself is accepted', () => {
    expect(usdCentsWithinCap(MAX_AMOUNT, 'USD', '1')).toBe(MAX_AMOUNT);
  });

  it.each([
    ['one cent above the cap', MAX_AMOUNT, '0.99999999999'],
    ['beyond 2^53', Number.MAX_SAFE_INTEGER, '0.0001'],
  ])('a result %s is refused naming amount', (_name, amount, rate) => {
    let caught: unknown;
    try {
      usdCentsWithinCap(amount, 'EUR', rate);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AmountTooLarge);
    expect((caught as AmountTooLarge).code).toBe('MONEY.AMOUNT_TOO_LARGE');
    expect((caught as AmountTooLarge).errors?.[0].field).toBe('amount');
  });
});
