import { Criterion, rank, reviewScore, round2, scoreProblems } from './scoring';

const rubric: Criterion[] = [
  { key: 'relevance', weight: 50, maxScore: 10 },
  { key: 'capacity', weight: 30, maxScore: 5 },
  { key: 'cost', weight: 20, maxScore: 4 },
];
const s = (relevance: number, capacity: number, cost: number) => [
  { criterion: 'relevance', score: relevance, comment: 'ok' },
  { criterion: 'capacity', score: capacity, comment: 'ok' },
  { criterion: 'cost', score: cost, comment: 'ok' },
];

describe('review score', () => {
  it.each([
    ['all maxima', s(10, 5, 4), 100],
    ['all zeros', s(0, 0, 0), 0],
    ['a mixed review', s(8, 4, 3), 79], // 50*0.8 + 30*0.8 + 20*0.75
    ['another', s(7, 2, 1), 52], // 35 + 12 + 5
  ])('%s scores %d', (_name, scores, expected) => {
    expect(reviewScore(rubric, scores)).toBeCloseTo(expected, 10);
  });

  it('keeps thirds unrounded until the output', () => {
    const thirds = [{ key: 'a', weight: 100, maxScore: 3 }];
    expect(reviewScore(thirds, [{ criterion: 'a', score: 1, comment: 'x' }])).toBeCloseTo(100 / 3, 12);
    expect(round2(100 / 3)).toBe(33.33);
    expect(round2(200 / 3)).toBe(66.67);
  });
});

describe('score problems', () => {
  it.each([
    ['a complete review', s(1, 1, 1), []],
    ['a missing criterion', s(1, 1, 1).slice(0, 2), ['scores']],
    [
      'a criterion twice',
      [...s(1, 1, 1), { criterion: 'cost', score: 1, comment: 'x' }],
      ['scores.3.criterion'],
    ],
    [
      'an unknown criterion',
      [...s(1, 1, 1), { criterion: 'charm', score: 1, comment: 'x' }],
      ['scores.3.criterion'],
    ],
    ['a score above maxScore', s(11, 1, 1), ['scores.0.score']],
    ['a negative score', s(1, -1, 1), ['scores.1.score']],
    ['a fractional score', s(1, 1, 1.5), ['scores.2.score']],
    ['an empty comment', [{ ...s(1, 1, 1)[0], comment: ' ' }, ...s(1, 1, 1).slice(1)], ['scores.0.comment']],
  ])('%s', (_name, scores, fields) => {
    expect(scoreProblems(rubric, scores).map((p) => p.field)).toEqual(fields);
  });
});

describe('ranking', () => {
  it.each([
    [
      'the mean of submitted reviews, best first',
      ['a', 'b'],
      { a: [79, 52], b: [100, 84] },
      20,
      [
        { applicationId: 'b', score: 92, reviewerCount: 2, spread: 16, flagged: false },
        { applicationId: 'a', score: 65.5, reviewerCount: 2, spread: 27, flagged: true },
      ],
    ],
    [
      'applications without reviews last with score null',
      ['z', 'a'],
      { a: [10] },
      20,
      [
        { applicationId: 'a', score: 10, reviewerCount: 1, spread: 0, flagged: false },
        { applicationId: 'z', score: null, reviewerCount: 0, spread: null, flagged: false },
      ],
    ],
    [
      'a spread equal to the threshold is not flagged',
      ['a'],
      { a: [50, 70] },
      20,
      [{ applicationId: 'a', score: 60, reviewerCount: 2, spread: 20, flagged: false }],
    ],
    [
      'a lower threshold flags it',
      ['a'],
      { a: [50, 70] },
      10,
      [{ applicationId: 'a', score: 60, reviewerCount: 2, spread: 20, flagged: true }],
    ],
    [
      'means round to 2 decimals at output only',
      ['a'],
      { a: [100, 84, 58] },
      50,
      [{ applicationId: 'a', score: 80.67, reviewerCount: 3, spread: 42, flagged: false }],
    ],
    [
      'ties break by application id',
      ['b', 'a'],
      { a: [50], b: [50] },
      20,
      [
        { applicationId: 'a', score: 50, reviewerCount: 1, spread: 0, flagged: false },
        { applicationId: 'b', score: 50, reviewerCount: 1, spread: 0, flagged: false },
      ],
    ],
  ])('%s', (_name, ids, reviews, threshold, expected) => {
    expect(rank(ids, new Map(Object.entries(reviews)), threshold)).toEqual(expected);
  });
});

describe('issue 11 item 7: the spread flag uses the spread as shown', () => {
  // Rubric 35/3, 35/7, 30/9: reviews of 23.333... and 3.333... differ by 20.000000000000004 in floats.
  const thirds = [
    { key: 'a', weight: 35, maxScore: 3 },
    { key: 'b', weight: 35, maxScore: 7 },
    { key: 'c', weight: 30, maxScore: 9 },
  ];
  const review = (a: number, b: number, c: number) =>
    reviewScore(thirds, [
      { criterion: 'a', score: a, comment: 'x' },
      { criterion: 'b', score: b, comment: 'x' },
      { criterion: 'c', score: c, comment: 'x' },
    ]);

  it('issue 11 item 7: a spread shown as 20 is not flagged at threshold 20', () => {
    const high = review(0, 2, 4);
    const low = review(0, 0, 1);
    expect(high - low).toBeGreaterThan(20); // the float the old code compared
    const [item] = rank(['x'], new Map([['x', [high, low]]]), 20);
    expect(item.spread).toBe(20);
    expect(item.flagged).toBe(false);
  });

  it.each([
    [20.004, 20, false],
    [20.005, 20, true],
    [20.01, 20, true],
    [19.99, 19.99, false],
  ])('issue 11 item 7: spread %d against threshold %d flagged=%s', (spread, threshold, flagged) => {
    const [item] = rank(['x'], new Map([['x', [spread, 0]]]), threshold);
    expect(item.flagged).toBe(flagged);
    expect(item.flagged).toBe((item.spread as number) > threshold);
  });
});
