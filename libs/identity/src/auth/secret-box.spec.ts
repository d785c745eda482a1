import { SecretBox } from './secret-box';

describe('SecretBox (TOTP secrets at rest)', () => {
  const box = new SecretBox('a-key-material-of-thirty-two-chars-or-more');
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('seals to a value that does not hold the secret and opens it again', () => {
    const sealed = box.seal(secret);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain(secret);
    expect(box.open(sealed)).toBe(secret);
  });

  it('uses a fresh nonce each time', () => {
    expect(box.seal(secret)).not.toBe(box.seal(secret));
  });

  it('refuses an altered value and another key', () => {
    const sealed = box.seal(secret);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1.${raw.toString('base64url')}`)).toThrow();
    expect(() => new SecretBox('another-key-material-of-thirty-two-chars').open(sealed)).toThrow();
  });

  it('reads a secret stored before sealing as it is', () => {
    expect(SecretBox.isSealed(secret)).toBe(false);
    expect(box.open(secret)).toBe(secret);
  });
});
