import fc from 'fast-check';
import { allocate, applyBps, MAX_AMOUNT, minor, minorUnits, toUsdCents } from './money';

describe('money', () => {
  it('allocation always sums to the total and each part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
          expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total));
          parts.forEach((part, i) => {
            // |part - total*w/sum| < 1  <=>  |part*sum - total*w| < sum
            const diff = BigInt(part) * sum - BigInt(total) * BigInt(weights[i]);
            expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    [2_000_000, [60, 40], [1_200_000, 800_000]],
    [100, [1, 1, 1], [34, 33, 33]],
    [2, [1, 1, 1], [1, 1, 0]],
    [260_000, [60, 40], [156_000, 104_000]],
    [10, [0, 5], [0, 10]],
  ])(
    'allocates %d over %j as %j (largest remainder, ties to the earlier part)',
    (total, weights, expected) => {
      expect(allocate(total, weights)).toEqual(expected);
    },
  );

  it.each([
    [2_000_000, 1300, 260_000], // USD 20,000 at 13% reserves USD 2,600
    [150_000, 1300, 19_500], // a USD 1,500 return releases USD 195
    [1, 5000, 1], // 0.5 cent rounds half away from zero
    [-1, 5000, -1],
    [3, 1300, 0],
    [123_456_789, 0, 0],
  ])('applies bps: %d x %d bps = %d', (amount, bps, expected) => {
    expect(applyBps(amount, bps)).toBe(expected);
  });

  it.each([
    [100_000, 2, '8.5', 11_765], // NOK 1,000.00 at 8.5 NOK/USD = USD 117.647 -> 117.65
    [1_000_000, 0, '110', 909_091], // JPY 1,000,000 at 110 = USD 9,090.909 -> 9,090.91
    [50_000, 2, '0.92', 54_348], // EUR 500 at 0.92 = 543.478 -> 543.48
    [1, 2, '2', 1], // 0.5 cent -> 1 cent
  ])('converts %d minor units (e=%d) at %s per USD to %d cents', (amount, e, rate, cents) => {
    expect(toUsdCents(amount, e, rate)).toBe(cents);
  });

  it('the bigint transformer refuses 2^53, fractions and non-numbers, both ways', () => {
    expect(() => minorUnits.to(2 ** 53)).toThrow();
    expect(() => minorUnits.to(1.5)).toThrow();
    expect(() => minorUnits.to(Number.NaN)).toThrow();
    expect(() => minorUnits.from('9007199254740992')).toThrow();
    expect(() => minorUnits.from('1.5')).toThrow();
    expect(minorUnits.to(2 ** 53 - 1)).toBe('9007199254740991');
    expect(minorUnits.from('-42')).toBe(-42);
    expect(minorUnits.from(null)).toBeNull();
  });

  it('issue 11 item 8: minor() reads bigint sums exactly up to 2^53 - 1 and refuses anything beyond, never rounding', () => {
    expect(minor('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(minor('-9007199254740991')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(minor(9007199254740991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(minor(null)).toBe(0);
    // Number('9007199254740993') is 9007199254740992: a silently wrong sum. minor() refuses it.
    expect(() => minor('9007199254740992')).toThrow(/not a safe integer/);
    expect(() => minor('9007199254740993')).toThrow(/not a safe integer/);
    expect(() => minor('90071992547409930000')).toThrow(/not a safe integer/);
    expect(() => minor(2 ** 53)).toThrow(/not a safe integer/);
    expect(() => minor('12.5')).toThrow(/not an integer/);
    expect(() => minor('1e3')).toThrow(/not an integer/);
  });

  it('issue 11 item 8: 90,071 amounts at the cap still sum below 2^53; conversion refuses a result beyond 2^53', () => {
    expect(MAX_AMOUNT).toBe(100_000_000_000);
    const sum = 90_071n * BigInt(MAX_AMOUNT);
    expect(minor(sum)).toBe(9_007_100_000_000_000);
    expect(() => minor(sum + BigInt(MAX_AMOUNT))).toThrow(/not a safe integer/);
    expect(() => toUsdCents(MAX_AMOUNT, 0, '0.00000001')).toThrow(/not a safe integer/);
    expect(() => applyBps(Number.MAX_SAFE_INTEGER, 10000)).not.toThrow();
  });
});
