import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals the TOTP secrets before they reach the database (AES-256-GCM, a fresh 96-bit nonce each time), so
 * a copy of the database (a backup, a replica, a leaked dump) does not hand out everyone's second factor.
 * The key is derived with HKDF-SHA-256 from MFA_ENCRYPTION_KEY, or from JWT_SECRET when that is not set.
 * Stored form: `v1.<base64url(nonce | tag | ciphertext)>`; a value without the prefix is a secret written
 * before sealing existed, read as it is (and sealed again by the next read that locks it).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, 'trust-fund-grants', 'totp-secret', 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The secret; throws when the stored value was altered or sealed with another key. */
  open(stored: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const raw = Buffer.from(stored.slice(VERSION.length + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(`${VERSION}.`);
  }
}
