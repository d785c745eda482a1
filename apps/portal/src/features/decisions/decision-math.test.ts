import { describe, expect, it } from 'vitest';
import { afterDecision, awardProblem, pscOf, scheduleCheck } from './decision-math';

describe('PSC as the API computes it (round half away from zero on minor units)', () => {
  it('is 13% of the award, exactly', () => {
    expect(pscOf(1_000_000, 1300)).toBe(130_000);
    expect(pscOf(900_000, 1300)).toBe(117_000);
    expect(pscOf(0, 1300)).toBe(0);
  });
  it('rounds a half unit away from zero, and below a half down', () => {
    // 50 x 1300 / 10000 = 6.5 -> 7; 49 x 1300 / 10000 = 6.37 -> 6; 150 x 700 / 10000 = 10.5 -> 11
    expect(pscOf(50, 1300)).toBe(7);
    expect(pscOf(49, 1300)).toBe(6);
    expect(pscOf(150, 700)).toBe(11);
    expect(pscOf(-50, 1300)).toBe(-7);
  });
  it('stays exact where floating point would not (large amounts)', () => {
    // 9,007,199,254,740,991 x 1300 / 10000 = 1,170,935,903,116,328.83 -> ...329
    expect(pscOf(Number.MAX_SAFE_INTEGER, 1300)).toBe(1_170_935_903_116_329);
  });
  it('refuses what is not integer minor units', () => {
    expect(() => pscOf(1.5, 1300)).toThrow(RangeError);
    expect(() => pscOf(100, -1)).toThrow(RangeError);
  });
});

describe('the award and the schedule', () => {
  const limits = { requested: 2_000_000, minAward: 1_000_000, maxAward: 3_000_000 };
  it('names why an award is refused', () => {
    expect(awardProblem(1_500_000, limits)).toBeNull();
    expect(awardProblem(2_000_001, limits)).toBe('aboveRequest');
    expect(awardProblem(999_999, limits)).toBe('belowMin');
    expect(awardProblem(2_500_000, { ...limits, requested: 5_000_000, maxAward: 2_000_000 })).toBe(
      'aboveMax',
    );
    expect(awardProblem(0, limits)).toBe('notPositive');
    expect(awardProblem(10.5, limits)).toBe('notWhole');
  });
  it('totals the schedule live and accepts 100 only', () => {
    expect(
      scheduleCheck([
        { percent: 60, condition: 'on_signature' },
        { percent: 40, condition: 'after_report' },
      ]),
    ).toEqual({ total: 100, ok: true });
    expect(scheduleCheck([{ percent: 60, condition: 'on_signature' }])).toEqual({ total: 60, ok: false });
    expect(
      scheduleCheck([
        { percent: 99.5, condition: 'on_signature' },
        { percent: 0.5, condition: 'after_report' },
      ]).ok,
    ).toBe(false);
    expect(scheduleCheck([]).ok).toBe(false);
  });
  it('shows the balance after the award and its PSC, and how much is missing', () => {
    expect(
      afterDecision({
        available: 1_000_000,
        amount: 900_000,
        pscRateBps: 1300,
        envelope: 10_000_000,
        committedOnCall: 2_000_000,
      }),
    ).toEqual({
      psc: 117_000,
      cost: 1_017_000,
      availableAfter: -17_000,
      envelopeLeft: 7_100_000,
      missing: 17_000,
    });
    expect(
      afterDecision({
        available: 5_000_000,
        amount: 1_000_000,
        pscRateBps: 1300,
        envelope: null,
        committedOnCall: 0,
      }),
    ).toMatchObject({ availableAfter: 3_870_000, envelopeLeft: null, missing: 0 });
  });
});
