import { InvalidInputError, MAX_AMOUNT } from '@app/core';
import { CallTerms, fitProblems, totalOf } from './budget';

const call: CallTerms = {
  eligibleCountries: ['KE', 'NG'],
  themes: ['shelter', 'legal_aid'],
  minAward: 1_000_000,
  maxAward: 5_000_000,
};
const fits = { countries: ['KE'], services: ['shelter'], requested: 2_000_000 };

describe('budget rules', () => {
  it('an application inside the call has no problem', () => {
    expect(fitProblems(call, fits)).toEqual([]);
  });

  it.each([
    ['a country the call does not cover', { countries: ['KE', 'FR'] }, 'countries', 'FR'],
    ['a service outside the themes', { services: ['shelter', 'health'] }, 'services', 'health'],
    ['a total below the minimum award', { requested: 999_999 }, 'budget', '999999'],
    ['a total above the maximum award', { requested: 5_000_001 }, 'budget', '5000001'],
  ])('%s is named', (_name, change, field, mention) => {
    const problems = fitProblems(call, { ...fits, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].messages[0]).toContain(mention);
  });

  it('the award bounds are inclusive', () => {
    expect(fitProblems(call, { ...fits, requested: 1_000_000 })).toEqual([]);
    expect(fitProblems(call, { ...fits, requested: 5_000_000 })).toEqual([]);
  });

  it('a call without award bounds takes any total', () => {
    expect(fitProblems({ ...call, minAward: null, maxAward: null }, { ...fits, requested: 1 })).toEqual([]);
  });

  it('the total is the exact sum of the lines', () => {
    expect(totalOf([{ amount: 1 }, { amount: 2 }, { amount: 3 }])).toBe(6);
  });

  it.each([
    ['above one amount cap', [{ amount: MAX_AMOUNT }, { amount: 1 }]],
    ['beyond 2^53', [{ amount: Number.MAX_SAFE_INTEGER }, { amount: Number.MAX_SAFE_INTEGER }]],
  ])('a total %s is refused naming budget', (_name, lines) => {
    expect(() => totalOf(lines)).toThrow(InvalidInputError);
    try {
      totalOf(lines);
    } catch (error) {
      expect((error as InvalidInputError).errors?.[0].field).toBe('budget');
    }
  });
});
