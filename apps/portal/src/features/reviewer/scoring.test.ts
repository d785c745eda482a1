import { describe, expect, it } from 'vitest';
import { formFromScores, scoreOf, scoresPayload, weightedTotal } from './scoring';

const RUBRIC = [
  { key: 'relevance', label: 'Relevance', weight: 50, maxScore: 10 },
  { key: 'capacity', label: 'Capacity', weight: 30, maxScore: 5 },
  { key: 'cost', label: 'Value for money', weight: 20, maxScore: 4 },
];

describe("a reviewer's running total", () => {
  it('is sum(weight x score / max) as in docs/domain.md', () => {
    const form = formFromScores(RUBRIC, [
      { criterion: 'relevance', score: 8, comment: 'a' },
      { criterion: 'capacity', score: 3, comment: 'b' },
      { criterion: 'cost', score: 1, comment: 'c' },
    ]);
    // 50 x 8/10 + 30 x 3/5 + 20 x 1/4 = 40 + 18 + 5
    expect(weightedTotal(RUBRIC, form)).toBe(63);
  });
  it('counts only what is scored so far, and ignores a score out of range', () => {
    const form = formFromScores(RUBRIC, [{ criterion: 'relevance', score: 7, comment: '' }]);
    expect(weightedTotal(RUBRIC, form)).toBe(35);
    expect(weightedTotal(RUBRIC, { ...form, capacity: { score: '9', comment: '' } })).toBe(35);
    expect(scoreOf('٣', 5)).toBe(3);
    expect(scoreOf('2.5', 5)).toBeNull();
    expect(scoreOf('-1', 5)).toBeNull();
  });
  it('is sent only once every criterion has a score and a comment', () => {
    const partial = formFromScores(RUBRIC, [{ criterion: 'relevance', score: 7, comment: 'fine' }]);
    expect(scoresPayload(RUBRIC, partial)).toBeNull();
    const full = formFromScores(RUBRIC, [
      { criterion: 'relevance', score: 7, comment: 'fine' },
      { criterion: 'capacity', score: 5, comment: ' strong ' },
      { criterion: 'cost', score: 0, comment: 'costly' },
    ]);
    expect(scoresPayload(RUBRIC, full)?.scores).toEqual([
      { criterion: 'relevance', score: 7, comment: 'fine' },
      { criterion: 'capacity', score: 5, comment: 'strong' },
      { criterion: 'cost', score: 0, comment: 'costly' },
    ]);
  });
});
