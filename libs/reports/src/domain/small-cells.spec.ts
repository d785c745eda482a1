import { publicCount } from './small-cells';

describe('public impact counts', () => {
  it.each([
    [0, '<5'],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [7, 5],
    [8, 10],
    [12, 10],
    [13, 15],
    [1002, 1000],
    [1003, 1005],
  ])('issue 11 also: %i victims is published as %p', (exact, shown) => {
    expect(publicCount(exact)).toBe(shown);
  });
});
