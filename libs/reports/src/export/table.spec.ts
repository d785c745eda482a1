import { cellOf, neutralise } from './table';

describe('CSV formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['Norway', 'Norway'],
    ['a=b', 'a=b'],
  ])('neutralises the text %j as %j', (value, expected) => {
    expect(neutralise(value)).toBe(expected);
  });

  it('keeps money and counts numeric, negative ones included', () => {
    expect(cellOf(-150_000, 'money')).toBe(-150_000);
    expect(cellOf(0.25, 'ratio')).toBe(0.25);
    expect(cellOf('-150000', 'text')).toBe(`'-150000`);
    expect(() => cellOf('12', 'money')).toThrow('not a number');
  });
});
