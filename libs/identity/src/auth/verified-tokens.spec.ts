import { JwtService } from '@nestjs/jwt';
import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens (access tokens already checked, until their expiry)', () => {
  const jwt = new JwtService({});
  const secret = 'a-test-signing-key-of-thirty-two-characters';
  const sign = (sub: string, exp: number) =>
    jwt.signAsync({ sub, exp }, { algorithm: 'HS256', secret, noTimestamp: true });
  let calls = 0;
  const verify = (token: string) => {
    calls += 1;
    // the real check, as AuthService makes it; its own expiry test is off, so the cache's is the one tested
    return jwt.verifyAsync<VerifiedClaims & object>(token, {
      algorithms: ['HS256'],
      secret,
      ignoreExpiration: true,
    });
  };
  let clock = 1_000_000_000_000;
  const now = () => clock;

  beforeEach(() => {
    calls = 0;
  });

  it('checks a token once and answers its claims from then on, until its expiry', async () => {
    const tokens = new VerifiedTokens(10, now);
    const token = await sign('a', clock / 1000 + 60);
    await expect(tokens.claims(token, verify)).resolves.toMatchObject({ sub: 'a' });
    await expect(tokens.claims(token, verify)).resolves.toMatchObject({ sub: 'a' });
    expect(calls).toBe(1);

    clock += 59_999;
    await expect(tokens.claims(token, verify)).resolves.toMatchObject({ sub: 'a' });
    expect(calls).toBe(1);
    clock += 1; // the second `exp` names: refused from then on, as jsonwebtoken refuses it
    const refusing = () => Promise.reject(new Error('jwt expired'));
    await expect(tokens.claims(token, refusing)).rejects.toThrow('jwt expired');
    expect(tokens.size).toBe(0);
  });

  it('never answers an altered token from what was kept of the real one', async () => {
    const tokens = new VerifiedTokens(10, now);
    const token = await sign('b', clock / 1000 + 60);
    await tokens.claims(token, verify);
    const [head, body, signature] = token.split('.');
    const otherBody = Buffer.from(JSON.stringify({ sub: 'admin', exp: clock / 1000 + 60 })).toString(
      'base64url',
    );
    await expect(tokens.claims(`${head}.${otherBody}.${signature}`, verify)).rejects.toThrow(
      'invalid signature',
    );
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    await expect(tokens.claims(`${head}.${body}.${flipped}`, verify)).rejects.toThrow();
    expect(tokens.size).toBe(1);
  });

  it('keeps no token that is expired or has no expiry, and at most its capacity', async () => {
    const tokens = new VerifiedTokens(3, now);
    await tokens.claims(await sign('old', clock / 1000 - 1), verify);
    await tokens.claims(await jwt.signAsync({ sub: 'forever' }, { secret }), verify);
    expect(tokens.size).toBe(0);

    const four = await Promise.all(['1', '2', '3', '4'].map((s) => sign(s, clock / 1000 + 60)));
    for (const token of four) await tokens.claims(token, verify);
    expect(tokens.size).toBe(3);
    calls = 0;
    for (const token of four.slice(1)) await tokens.claims(token, verify);
    expect(calls).toBe(0); // the three newest were kept
    await tokens.claims(four[0], verify);
    expect(calls).toBe(1); // the oldest was dropped, and is checked again
  });
});
