/**
 * The password policy, in one place for every flow that sets a password (registration, invitations).
 * Minimal for now: at least 12 characters. The fuller policy (common-password list) replaces this file.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  return null;
}
