import { commonPasswords, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('ships a list of at least 10,000 common passwords', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(10_000);
  });

  it.each([
    ['short-pass1', /at least 12 characters/],
    ['123456789012', /most common/],
    ['PASSWORD1234', /most common/],
    ['amina@example.org', /e-mail address/],
  ])('refuses %s with the reason', (password, reason) => {
    expect(passwordProblem(password, { email: 'Amina@example.org' })).toMatch(reason);
  });

  it.each(['correct horse battery staple', 'tranche-ledger-2016!', 'ünïcødé-pässwørd'])(
    'allows %s',
    (password) => {
      expect(passwordProblem(password, { email: 'amina@example.org' })).toBeNull();
    },
  );
});
