import { capacityScore, CAPACITY_QUESTIONS, ratingOf, SCHEDULE_BY_RISK } from './risk';

const all = (n: number) => Object.fromEntries(CAPACITY_QUESTIONS.map((q) => [q.key, n]));
const t = { lowMin: 75, mediumMin: 50, highMin: 30 };

describe('risk rating', () => {
  it('weights sum to 100 and each schedule to 100 percent', () => {
    expect(CAPACITY_QUESTIONS.reduce((s, q) => s + q.weight, 0)).toBe(100);
    for (const s of Object.values(SCHEDULE_BY_RISK)) expect(s.reduce((a, x) => a + x.percent, 0)).toBe(100);
  });

  it('scores 0..100 and rates by the thresholds', () => {
    expect(capacityScore(all(4))).toBe(100);
    expect(capacityScore(all(0))).toBe(0);
    expect(capacityScore(all(2))).toBe(50);
    expect(ratingOf(75, t)).toBe('low');
    expect(ratingOf(74, t)).toBe('medium');
    expect(ratingOf(50, t)).toBe('medium');
    expect(ratingOf(49, t)).toBe('high');
    expect(ratingOf(30, t)).toBe('high');
    expect(ratingOf(29, t)).toBe('not_eligible');
  });
});
