import { Secret, TOTP } from 'otpauth';
import { DEMO_LOGINS } from '../demo/demo-plan';

/** The demo staff's current two-factor codes, from their public demo secrets (what an authenticator app shows). */
export function demoCodes(at = Date.now()): { role: string; email: string; code: string; secret: string }[] {
  return DEMO_LOGINS.flatMap(({ role, email, totpSecret }) =>
    totpSecret
      ? [
          {
            role,
            email,
            secret: totpSecret,
            code: new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate({ timestamp: at }),
          },
        ]
      : [],
  );
}

if (require.main === module) {
  const left = 30 - (Math.floor(Date.now() / 1000) % 30);
  console.log(`\n  Demo two-factor codes (valid for ${left} s more; run again for the next ones):`);
  for (const c of demoCodes()) console.log(`    ${c.role.padEnd(13)} ${c.email.padEnd(28)} ${c.code}`);
  console.log('');
}
