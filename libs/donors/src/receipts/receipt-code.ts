import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The verification code printed on a receipt (as a QR code and a short address): the receipt number
 * and a MAC of it, `UNTF-2015-0001.K7QM3XZ9PA4T6BWD`. Derived, not stored: the key comes from the
 * deployment's signing secret, so nobody without it can make a code for a number, and the same receipt
 * always prints the same code (the document stays deterministic). 80 bits of HMAC-SHA256 in base32.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function mac(secret: string, receiptNumber: string): string {
  const key = createHmac('sha256', secret).update('receipt-verification-v1').digest();
  return base32(createHmac('sha256', key).update(receiptNumber).digest().subarray(0, 10));
}

export function receiptCode(secret: string, receiptNumber: string): string {
  return `${receiptNumber}.${mac(secret, receiptNumber)}`;
}

/** The receipt number a genuine code names, or null for a forged or malformed one. */
export function receiptNumberOf(secret: string, code: string): string | null {
  const m = /^([A-Za-z0-9_-]{1,80})\.([A-Z2-7]{16})$/.exec(code);
  if (!m) return null;
  const expected = Buffer.from(mac(secret, m[1]));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}
