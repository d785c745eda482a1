import { groupGrants, parseGroups, GRANT_GROUPS } from './grants-report';

const grant = (
  id: string,
  countries: string[],
  services: string[],
  committed: number,
  disbursed = 0,
  returned = 0,
) => ({
  id,
  callId: 'call-1',
  callTitle: 'Call 2014',
  countries,
  services,
  committed,
  disbursed,
  returned,
});

describe('grants report grouping', () => {
  it('shares a grant in two countries equally, by largest remainder, and counts it in each', () => {
    const rows = groupGrants(
      [grant('a', ['NG', 'KE'], ['shelter'], 1001, 501), grant('b', ['NG'], ['shelter'], 100)],
      ['country'],
    );
    expect(rows).toEqual([
      { country: 'KE', count: 1, committed: 500, disbursed: 250, returned: 0, outstanding: 250 },
      { country: 'NG', count: 2, committed: 601, disbursed: 251, returned: 0, outstanding: 350 },
    ]);
    const total = rows.reduce((s, r) => s + r.committed, 0);
    expect(total).toBe(1101);
  });

  it('splits over country x service cells when grouping by both', () => {
    const rows = groupGrants(
      [grant('a', ['NG', 'KE'], ['shelter', 'legal_aid'], 400)],
      ['country', 'service'],
    );
    expect(rows.map((r) => [r.country, r.service, r.committed])).toEqual([
      ['KE', 'legal_aid', 100],
      ['KE', 'shelter', 100],
      ['NG', 'legal_aid', 100],
      ['NG', 'shelter', 100],
    ]);
  });

  it('gives one total row without groups and none without grants', () => {
    expect(groupGrants([grant('a', ['NG'], ['shelter'], 10)], [])).toEqual([
      { count: 1, committed: 10, disbursed: 0, returned: 0, outstanding: 10 },
    ]);
    expect(groupGrants([], ['country'])).toEqual([]);
  });

  it.each([
    ['country,call', ['country', 'call']],
    ['donor', 'groupBy takes country, service, call; not "donor"'],
    ['call,call', 'groupBy names a group twice'],
  ])('parses groupBy=%s', (value, expected) => {
    expect(parseGroups(value, GRANT_GROUPS)).toEqual(expected);
  });
});
