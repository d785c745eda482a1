import { nextReportDue } from './report-due';

describe('report due dates', () => {
  it.each([
    ['2015-01-10T00:00:00Z', '2015-03-01T00:00:00Z', 1, '2015-07-10'],
    ['2015-01-10T00:00:00Z', '2015-07-10T00:00:00Z', 2, '2016-01-10'],
    ['2015-01-10T00:00:00Z', '2016-02-01T00:00:00Z', 3, '2016-07-10'],
  ])('a grant signed %s, on %s, next reports for period %d due %s', (signed, now, period, due) => {
    const next = nextReportDue(new Date(signed), new Date(now));
    expect(next.period).toBe(period);
    expect(next.dueAt.toISOString().slice(0, 10)).toBe(due);
  });
});
