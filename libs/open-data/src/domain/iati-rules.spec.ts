import { DAC5_SECTORS, DEFAULT_SECTORS } from './codes';
import { decimalOf, percentages } from './decimal';
import { FUND, grantFacts, SETTINGS } from './fixtures';
import { grantActivity, IatiActivity, plannedEnd } from './iati-activities';
import { organisationModel } from './iati-organisation';
import { activityProblems, organisationProblems, totalHundredths } from './iati-rules';

const activity = (over = {}, settings = SETTINGS): IatiActivity => {
  const a = grantActivity(grantFacts(over), FUND, settings);
  if (!a) throw new Error('not published');
  return a;
};

describe('the IATI Standard rules the schema cannot check', () => {
  it('a grant with every movement breaks none', () => {
    expect(activityProblems(activity())).toEqual([]);
  });

  it('recipient-country and sector percentages total exactly 100, three ways or seven', () => {
    const a = activity({ countries: ['NG', 'GH', 'KE', 'BJ', 'TG', 'SN', 'ML'] });
    expect(totalHundredths(percentages(a.countries.map((c) => c.hundredths)))).toBe(10_000);
    expect(percentages(a.countries.map((c) => c.hundredths))).toEqual([
      '14.29',
      '14.29',
      '14.29',
      '14.29',
      '14.28',
      '14.28',
      '14.28',
    ]);
    expect(totalHundredths(percentages(a.sectors.map((s) => s.hundredths)))).toBe(10_000);
  });

  it('a percentage total that is not 100 is a problem', () => {
    const a = activity();
    const broken = { ...a, countries: a.countries.map((c) => ({ ...c, hundredths: 3_000 })) };
    expect(activityProblems(broken)).toEqual([
      expect.stringMatching(/recipient-country percentages total 90/),
    ]);
  });

  it('two services of one sector make one sector line', () => {
    const a = activity({ services: ['shelter', 'shelter', 'legal_aid'] });
    expect(a.sectors).toEqual([
      { code: DEFAULT_SECTORS.legal_aid, hundredths: 3_333 },
      { code: DEFAULT_SECTORS.shelter, hundredths: 6_667 },
    ]);
  });

  it('an end before its start, and a budget over a year, are problems', () => {
    const a = activity();
    const backwards = {
      ...a,
      dates: [...a.dates.filter((d) => d.type !== '4'), { type: '4', date: '2014-01-01' }],
    };
    expect(activityProblems(backwards)).toEqual([
      expect.stringMatching(/type 4 \(2014-01-01\) is before type 2/),
    ]);
    const long = { ...a, budget: { ...a.budget, end: '2017-12-31' } };
    expect(activityProblems(long)).toEqual([expect.stringMatching(/over a year/)]);
  });

  it('the planned end is a year less a day after the start, leap years too', () => {
    expect(plannedEnd(new Date('2016-02-29T00:00:00Z')).toISOString().slice(0, 10)).toBe('2017-02-28');
    expect(plannedEnd(new Date('2015-03-10T09:00:00Z')).toISOString().slice(0, 10)).toBe('2016-03-09');
  });

  it('codes outside the code lists are problems: country, sector, status, transaction type, currency', () => {
    const a = activity();
    const bad: IatiActivity = {
      ...a,
      countries: [{ code: 'XX', hundredths: 10_000 }],
      sectors: [{ code: '99999', hundredths: 10_000 }],
      status: '9',
      currency: 'ZZZ',
      transactions: [{ ...a.transactions[0], type: '99' }],
    };
    const problems = activityProblems(bad);
    for (const what of [
      'recipient-country XX',
      'sector 99999',
      'activity-status 9',
      'currency ZZZ',
      'transaction-type 99',
    ])
      expect(problems.join('\n')).toContain(what);
  });

  it("every default sector is a DAC 5-digit code and the fund's own mapping wins", () => {
    for (const code of Object.values(DEFAULT_SECTORS)) expect(DAC5_SECTORS[code]).toBeDefined();
    const a = activity({ services: ['shelter'] }, { ...SETTINGS, sectors: { shelter: '15180' } });
    expect(a.sectors).toEqual([{ code: '15180', hundredths: 10_000 }]);
  });

  it('the organisation file breaks no rule and its totals are the grants', () => {
    const o = organisationModel(FUND, SETTINGS, [grantFacts()], new Date('2016-03-01T00:00:00Z'));
    expect(organisationProblems(o)).toEqual([]);
    expect(o.budgets).toEqual([{ year: 2015, currency: 'USD', value: 700_001 }]);
    expect(o.expenditure).toEqual([
      { year: 2015, currency: 'USD', value: 700_001 },
      { year: 2016, currency: 'USD', value: -1_000 },
    ]);
    expect(o.countryBudgets.reduce((s, c) => s + c.value, 0)).toBe(700_001);
  });
});

describe('transactions and protection', () => {
  it("commitment less cancellation, disbursements less returns: the grant's own figures", () => {
    const g = grantFacts();
    const a = activity();
    const sum = (type: string, sign: 1 | -1) =>
      a.transactions
        .filter((t) => t.type === type && Math.sign(t.value) === sign)
        .reduce((s, t) => s + t.value, 0);
    expect(sum('2', 1) + sum('2', -1)).toBe(g.amount - g.cancelled);
    expect(sum('3', 1)).toBe(g.paid);
    expect(-sum('3', -1)).toBe(g.returned);
    expect(a.transactions.map((t) => t.date)).toEqual([...a.transactions.map((t) => t.date)].sort());
  });

  it('a sensitive grant is left out under exclude, and has no NGO nor its title under redact', () => {
    expect(grantActivity(grantFacts({ sensitive: true }), FUND, SETTINGS)).toBeNull();
    const a = activity({ sensitive: true }, { ...SETTINGS, sensitivePolicy: 'redact' });
    expect(a.participants.map((p) => p.role)).toEqual(['1']);
    expect(JSON.stringify(a)).not.toMatch(/Hope House|RC-1|Shelter and counselling|Safe shelter/);
    expect(a.transactions.every((t) => t.receiver === null)).toBe(true);
  });

  it('amounts are written from integers: no float rounding', () => {
    expect(decimalOf(-1_000, 2)).toBe('-10.00');
    expect(decimalOf(5, 2)).toBe('0.05');
    expect(decimalOf(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
    expect(decimalOf(1234, 0)).toBe('1234');
    expect(decimalOf(1234, 3)).toBe('1.234');
  });
});
