import { describe, expect, it } from 'vitest';
import { fieldProblems, problemKey, unplacedProblems } from './problems';

const validation = {
  type: '/problems/validation',
  title: 'Bad Request',
  status: 400,
  detail: 'The request is not valid: email, user.password, budget.0.amount',
  code: 'REQUEST.VALIDATION',
  errors: [
    { field: 'email', messages: ['email must be an email'] },
    { field: 'user.password', messages: ['password is too short'] },
    { field: 'budget.0.amount', messages: ['amount must be a positive integer'] },
  ],
};

describe('server problems', () => {
  it.each([
    [{ type: '/problems/bad-credentials', status: 401 }, 'problems.bad-credentials'],
    [{ type: '/problems/insufficient-funds', status: 409 }, 'problems.generic'],
    [{ type: '/problems/something-new', status: 401 }, 'problems.unauthorized'],
    [{ type: '/problems/rate', status: 429 }, 'problems.too-many-requests'],
    [validation, 'problems.validation'],
    [new TypeError('Failed to fetch'), 'problems.network'],
    ['nonsense', 'problems.generic'],
  ])('%j reads as %s', (problem, key) => {
    expect(problemKey(problem)).toBe(key);
  });

  it('places field problems on the form fields, by full path or last segment', () => {
    expect(fieldProblems(validation, ['email', 'password'])).toEqual({
      email: ['email must be an email'],
      password: ['password is too short'],
    });
  });

  it('leaves the problems no field shows for the banner', () => {
    expect(unplacedProblems(validation, ['email', 'password']).map((p) => p.field)).toEqual([
      'budget.0.amount',
    ]);
  });

  it('has nothing to place for a problem without field errors', () => {
    expect(fieldProblems({ type: '/problems/conflict', status: 409 }, ['email'])).toEqual({});
  });
});
