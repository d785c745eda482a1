import { describe, expect, it } from 'vitest';
import { majorUnits, progressParts } from './progress';

describe('the fund progress text', () => {
  it('reads "USD 50,000 of USD 500,000, 10%" in English', () => {
    const p = progressParts(5_000_000, 50_000_000, 'USD', 'en');
    expect([p.available, p.target, p.percent].map((x) => x.replace(/\u00a0/g, ' '))).toEqual([
      'USD 50,000',
      'USD 500,000',
      '10%',
    ]);
    expect(p.ratio).toBe(0.1);
  });
  it('keeps cents when the amount has them, and rounds the share down', () => {
    const p = progressParts(4_999_999, 50_000_000, 'USD', 'en');
    expect(p.available).toBe('$49,999.99');
    expect(p.percent).toBe('9%');
  });
  it('caps nothing above the target and shows no negative share', () => {
    expect(progressParts(60_000_000, 50_000_000, 'USD', 'en').percent).toBe('120%');
    expect(progressParts(-100, 50_000_000, 'USD', 'en').percent).toBe('0%');
    expect(progressParts(100, 0, 'USD', 'en').ratio).toBe(0);
  });
  it('uses the reader locale digits', () => {
    expect(progressParts(5_000_000, 50_000_000, 'USD', 'ar-EG').percent).toMatch(/١٠/);
  });
  it('gives whole units for aria values', () => {
    expect(majorUnits(5_000_050, 'USD')).toBe(50_000);
    expect(majorUnits(500, 'JPY')).toBe(500);
  });
});
