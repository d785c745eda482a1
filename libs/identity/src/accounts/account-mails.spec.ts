import { passwordProblem } from '../auth/password-policy';
import { isDay, previousDay } from '../digest/digest.service';
import { accountMailSubject, AccountMailKind } from './account-mails';
import { LOCALES } from './locales';

const KINDS: AccountMailKind[] = ['invitation', 'email_confirmation', 'registration_attempt', 'digest'];

describe('account mails, the password policy and digest days', () => {
  it.each(KINDS)('gives the %s mail a subject of its own in each of the six languages', (kind) => {
    const subjects = LOCALES.map((l) => accountMailSubject(kind, l));
    expect(subjects.every((s) => s.length > 0)).toBe(true);
    expect(new Set(subjects).size).toBe(LOCALES.length);
  });

  it.each([
    ['', false],
    ['eleven-char', false],
    ['twelve-chars', true],
    ['密码密码密码密码密码密码', true],
  ])('judges the password %j acceptable: %s', (password, ok) => {
    expect(passwordProblem(password) === null).toBe(ok);
  });

  it.each([
    ['2026-03-01T00:15:00Z', '2026-02-28'],
    ['2024-03-01T23:59:59Z', '2024-02-29'],
    ['2026-01-01T00:00:00Z', '2025-12-31'],
  ])('digests at %s the UTC day %s', (now, day) => {
    expect(previousDay(new Date(now))).toBe(day);
  });

  it.each([
    ['2026-12-01', true],
    ['2026-13-01', false],
    ['01-12-2026', false],
    [20261201, false],
  ])('takes %j as a day: %s', (value, ok) => {
    expect(isDay(value)).toBe(ok);
  });
});
