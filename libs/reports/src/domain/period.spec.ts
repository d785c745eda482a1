import { periodOf, startOfYear } from './period';

describe('report periods', () => {
  const now = new Date('2016-05-10T08:00:00Z');
  it.each([
    [{}, '2016-01-01T00:00:00.000Z', '2016-05-10T08:00:00.000Z'],
    [{ from: '2015-03-01', to: '2015-03-31' }, '2015-03-01T00:00:00.000Z', '2015-03-31T23:59:59.999Z'],
    [{ year: 2014 }, '2014-01-01T00:00:00.000Z', '2014-12-31T23:59:59.999Z'],
    [{ to: '2015-06-30' }, '2015-01-01T00:00:00.000Z', '2015-06-30T23:59:59.999Z'],
  ])('reads %j as a period of whole UTC days', (q, from, to) => {
    const p = periodOf(q, now, startOfYear);
    expect([p.from?.toISOString(), p.to.toISOString()]).toEqual([from, to]);
  });

  it('refuses a period that ends before it starts, and a year combined with dates', () => {
    expect(() => periodOf({ from: '2016-02-01', to: '2016-01-01' }, now, startOfYear)).toThrow('from');
    expect(() => periodOf({ year: 2015, from: '2015-01-01' }, now, startOfYear)).toThrow('year');
  });

  it('leaves from open when the report starts at the beginning', () => {
    expect(periodOf({ to: '2015-01-01' }, now, () => null).from).toBeNull();
  });
});
