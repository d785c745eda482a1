import {
  CallDraft,
  CallStatus,
  completenessProblems,
  EDITABLE_FIELDS,
  nextCallStatus,
  orderProblems,
  rubricProblems,
} from './call-rules';

describe('call lifecycle', () => {
  it.each<[CallStatus, Parameters<typeof nextCallStatus>[1], CallStatus | null]>([
    ['draft', 'publish', 'published'],
    ['published', 'open', 'open'],
    ['open', 'close', 'closed'],
    ['closed', 'review', 'under_review'],
    ['under_review', 'decide', 'decided'],
    ['draft', 'open', null],
    ['published', 'close', null],
    ['open', 'publish', null],
    ['closed', 'open', null],
    ['decided', 'close', null],
    ['under_review', 'review', null],
  ])('%s + %s -> %s', (from, action, to) => {
    expect(nextCallStatus(from, action)).toBe(to);
  });

  it('freezes the rubric once the call is open', () => {
    expect(EDITABLE_FIELDS.published).toContain('rubric');
    for (const s of ['open', 'closed', 'under_review', 'decided'] as const)
      expect(EDITABLE_FIELDS[s]).not.toContain('rubric');
  });
});

describe('rubric', () => {
  const c = (key: string, weight: number, maxScore = 10) => ({ key, label: key, weight, maxScore });
  it.each([
    ['weights summing to 100', [c('a', 60), c('b', 40)], 0],
    ['weights summing to 90', [c('a', 50), c('b', 40)], 1],
    ['weights summing to 110', [c('a', 70), c('b', 40)], 1],
    ['a duplicate key', [c('a', 50), c('a', 50)], 1],
    ['no criteria', [], 1],
    ['a zero maxScore', [c('a', 100, 0)], 1],
  ])('%s gives %i problem(s)', (_name, rubric, n) => {
    expect(rubricProblems(rubric)).toHaveLength(n);
  });
});

describe('completeness for publishing', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const complete: CallDraft = {
    title: 'Call',
    description: 'text',
    themes: ['shelter'],
    eligibleCountries: ['NG'],
    minAward: 100,
    maxAward: 200,
    envelope: 1000,
    deadline: new Date('2030-02-01T00:00:00Z'),
    rubric: [{ key: 'a', label: 'A', weight: 100, maxScore: 5 }],
  };
  it.each<[string, Partial<CallDraft>, string[]]>([
    ['a complete call', {}, []],
    ['no description', { description: null }, ['description']],
    ['min above max', { minAward: 300 }, ['minAward']],
    ['max above envelope', { maxAward: 2000 }, ['maxAward']],
    ['max equal to envelope', { maxAward: 1000 }, []],
    ['deadline now', { deadline: now }, ['deadline']],
    ['deadline passed', { deadline: new Date('2029-12-31T23:59:59Z') }, ['deadline']],
    ['no countries', { eligibleCountries: [] }, ['eligibleCountries']],
    ['an empty rubric', { rubric: [] }, ['rubric']],
  ])('%s', (_name, change, fields) => {
    expect(completenessProblems({ ...complete, ...change }, now).map((p) => p.field)).toEqual(fields);
  });
});

describe('order of the awards', () => {
  const draft: CallDraft = {
    title: 'Call',
    description: null,
    themes: [],
    eligibleCountries: [],
    minAward: null,
    maxAward: null,
    envelope: null,
    deadline: null,
    rubric: [],
  };
  it.each<[string, Partial<CallDraft>, string[]]>([
    ['no awards at all', {}, []],
    ['min equal to max, max equal to envelope', { minAward: 5, maxAward: 5, envelope: 5 }, []],
    ['min above max', { minAward: 6, maxAward: 5 }, ['minAward']],
    ['max above envelope', { maxAward: 6, envelope: 5 }, ['maxAward']],
    ['both out of order', { minAward: 7, maxAward: 6, envelope: 5 }, ['minAward', 'maxAward']],
    ['min above envelope without a max', { minAward: 7, envelope: 5 }, []],
  ])('%s', (_name, change, fields) => {
    expect(orderProblems({ ...draft, ...change }).map((p) => p.field)).toEqual(fields);
  });
});
