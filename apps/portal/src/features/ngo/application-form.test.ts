import { describe, expect, it } from 'vitest';
import {
  amountText,
  type ApplicationForm,
  budgetTotal,
  type CallLimits,
  emptyForm,
  formFromApplication,
  parseAmount,
  payloadOf,
  validateForm,
} from './application-form';

const CALL: CallLimits = {
  eligibleCountries: ['NG', 'KE'],
  themes: ['shelter', 'legal_aid'],
  minAward: 1_000_000,
  maxAward: 5_000_000,
  currency: 'USD',
};

const good = (): ApplicationForm => ({
  title: 'Safe homes',
  summary: 'Shelter and legal aid for 120 survivors',
  countries: ['NG'],
  services: ['shelter', 'legal_aid'],
  expectedVictims: '120',
  budget: [
    { category: 'shelter', description: 'Rent', amount: '12,000.00' },
    { category: 'legal_aid', description: 'Lawyers', amount: '8000' },
  ],
});

describe('amounts typed in the major unit', () => {
  it.each([
    ['1250.50', 2, 125050],
    ['1250,5', 2, 125050],
    ['1,250.50', 2, 125050],
    ['1.250,50', 2, 125050],
    ['1 250', 2, 125000],
    ['1,250', 2, 125000],
    ['12000', 0, 12000],
    ['١٢٠٠٫٥', 2, 120050],
    ['0.07', 2, 7],
    ['5', 3, 5000],
  ])('%s with exponent %i is %i minor units', (text, exponent, minor) => {
    expect(parseAmount(text, exponent)).toBe(minor);
  });

  it.each(['', 'abc', '12..5', '-5', '1e5', '12.', '99999999999999999999'])('%s is not an amount', (text) => {
    expect(parseAmount(text, 2)).toBeNull();
  });

  it('reads back what it wrote', () => {
    expect(amountText(125050, 2)).toBe('1250.50');
    expect(amountText(7, 2)).toBe('0.07');
    expect(amountText(12000, 0)).toBe('12000');
    expect(parseAmount(amountText(987654321, 2), 2)).toBe(987654321);
  });
});

describe('the budget rules', () => {
  it('adds the lines up exactly, leaving out what is not an amount yet', () => {
    expect(budgetTotal(good().budget, 2)).toBe(2_000_000);
    expect(budgetTotal([...good().budget, { category: '', description: '', amount: 'x' }], 2)).toBe(
      2_000_000,
    );
    expect(
      budgetTotal(
        [
          { category: 'shelter', description: 'a', amount: '0.1' },
          { category: 'shelter', description: 'b', amount: '0.2' },
        ],
        2,
      ),
    ).toBe(30);
  });

  it('accepts an application that fits the call', () => {
    expect(validateForm(good(), CALL, 2)).toEqual({});
  });

  it.each([
    ['below the smallest award', '5000', 'ngo.rules.outsideAwards'],
    ['above the largest award', '50000.01', 'ngo.rules.outsideAwards'],
  ])('refuses a total %s, on the budget', (_name, amount, key) => {
    const form = good();
    form.budget = [{ category: 'shelter', description: 'Rent', amount }];
    expect(validateForm(form, CALL, 2)).toEqual({ budget: { key } });
  });

  it('places line problems on the line and its field', () => {
    const form = good();
    form.budget.push({ category: '', description: ' ', amount: 'twelve' });
    expect(validateForm(form, CALL, 2)).toEqual({
      'budget.2.category': { key: 'ngo.rules.required' },
      'budget.2.description': { key: 'ngo.rules.required' },
      'budget.2.amount': { key: 'ngo.rules.amount' },
    });
  });

  it('has no limit on the total when the call sets no award range', () => {
    const form = good();
    form.budget = [{ category: 'shelter', description: 'Rent', amount: '5' }];
    expect(validateForm(form, { ...CALL, minAward: null, maxAward: null }, 2)).toEqual({});
  });
});

describe('the rest of the form mirrors the API', () => {
  it('asks for every required field of an empty form', () => {
    expect(validateForm(emptyForm(), CALL, 2)).toEqual({
      title: { key: 'ngo.rules.required' },
      summary: { key: 'ngo.rules.required' },
      countries: { key: 'ngo.rules.chooseOne' },
      services: { key: 'ngo.rules.chooseOne' },
      expectedVictims: { key: 'ngo.rules.required' },
      'budget.0.category': { key: 'ngo.rules.required' },
      'budget.0.description': { key: 'ngo.rules.required' },
      'budget.0.amount': { key: 'ngo.rules.required' },
    });
  });

  it.each([
    ['a country outside the call', { countries: ['FR'] }, 'countries', 'ngo.rules.countryNotEligible'],
    ['a service outside its themes', { services: ['stipends'] }, 'services', 'ngo.rules.serviceNotTheme'],
    ['no victims', { expectedVictims: '0' }, 'expectedVictims', 'ngo.rules.victims'],
    ['a fraction of a person', { expectedVictims: '1.5' }, 'expectedVictims', 'ngo.rules.victims'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title', 'ngo.rules.tooLong'],
  ])('refuses %s', (_name, change, field, key) => {
    const errors = validateForm({ ...good(), ...change } as ApplicationForm, CALL, 2);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field as 'title']?.key).toBe(key);
  });
});

describe('what a draft sends', () => {
  it('sends everything when the form is complete', () => {
    const { complete, pending } = payloadOf(good(), CALL, 2);
    expect(pending).toEqual([]);
    expect(complete).toEqual({
      title: 'Safe homes',
      summary: 'Shelter and legal aid for 120 survivors',
      countries: ['NG'],
      services: ['shelter', 'legal_aid'],
      expectedVictims: 120,
      budget: [
        { category: 'shelter', description: 'Rent', amount: 1_200_000 },
        { category: 'legal_aid', description: 'Lawyers', amount: 800_000 },
      ],
    });
  });

  it('sends the valid fields of an incomplete form and keeps the others on the device', () => {
    const form = {
      ...good(),
      summary: '',
      budget: [{ category: 'shelter' as const, description: 'Rent', amount: '1' }],
    };
    const { complete, partial, pending } = payloadOf(form, CALL, 2);
    expect(complete).toBeNull();
    expect(pending).toEqual(['summary', 'budget']);
    expect(Object.keys(partial)).toEqual(['title', 'countries', 'services', 'expectedVictims']);
  });

  it('turns a saved application back into the same form', () => {
    const { complete } = payloadOf(good(), CALL, 2);
    const back = formFromApplication(complete!, 2);
    expect(payloadOf(back, CALL, 2).complete).toEqual(complete);
  });
});
