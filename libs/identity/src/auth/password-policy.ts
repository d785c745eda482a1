import { readFileSync } from 'node:fs';
import { WeakPassword } from './auth.errors';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * The common passwords list of zxcvbn-ts (`@zxcvbn-ts/language-common`, MIT, about 49,000 entries from
 * leaked-password corpora, lower case), read once on first use.
 */
let common: Set<string> | undefined;
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const file = require.resolve('@zxcvbn-ts/language-common/src/passwords.json');
    const list = JSON.parse(readFileSync(file, 'utf8')) as string[];
    common = new Set(list.map((p) => p.toLowerCase()));
  }
  return common;
}

/**
 * Why a password is refused, or null when it is allowed: at least 12 characters, not a common password,
 * not the account's own e-mail address.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords; choose another';
  if (context.email && lower === context.email.trim().toLowerCase()) return 'must not be your e-mail address';
  return null;
}

/** Throws 422 /problems/weak-password naming the field and the reason. */
export function assertPasswordAllowed(
  password: string,
  field: string,
  context: { email?: string } = {},
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new WeakPassword(field, `The password ${problem}`);
}
