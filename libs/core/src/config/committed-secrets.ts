/**
 * Secrets and passwords that are written in this repository (compose file, README, .env.example, tests,
 * benchmarks, the demo): anyone can read them, so production refuses them. `committed-secrets.spec.ts`
 * scans the tracked files and fails when a new committed value is missing here.
 */
export const COMMITTED_SECRETS: readonly string[] = [
  // libs/core/src/config/app-config.ts (the development default)
  'dev-only-secret-change-me-0123456789abcdef',
  // docker-compose.yml before issue 11, and .env.example
  'change-me-to-a-long-random-secret-0123456789',
  'change-me-please',
  'tfg',
  'replace-with-npm-run-setup-env',
  // tests and benchmarks
  'test-secret-that-is-long-enough-0123456789',
  'admin-password-for-tests',
  'a-good-password-1',
  'ngo-password-123',
  'bench-secret-that-is-long-enough-0123456789',
  'bench-admin-password-1',
  'bench-fm-password',
  'bench-finance-password',
  'password-123',
  'wrong-password',
  // the demo's public logins (README)
  'demo-admin-2016',
  'demo-fund-manager-2016',
  'demo-finance-2016',
  'demo-reviewer-2016',
  'demo-ngo-2016',
  'demo-donor-2016',
];

/** Minimum lengths in production (development and tests keep the shorter admin password minimum). */
export const MIN_JWT_SECRET = 32;
export const MIN_ADMIN_PASSWORD_PRODUCTION = 16;

/** A value that is committed, or an obvious placeholder, is public whatever its length. */
export function isCommittedSecret(value: string): boolean {
  const v = value.trim().toLowerCase();
  return COMMITTED_SECRETS.includes(v) || /change[-_ ]?me|replace[-_ ]?with/.test(v);
}
