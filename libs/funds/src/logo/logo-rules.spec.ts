import { logoSizeProblem } from './logo-rules';

describe("the fund logo's size in pixels", () => {
  it.each([
    ['a square emblem', 256, 256, null],
    ['a wide word mark at the 8:1 limit', 800, 100, null],
    ['the smallest side allowed', 32, 32, null],
    ['the largest side allowed', 4096, 1024, null],
  ])('accepts %s', (_name, w, h, expected) => {
    expect(logoSizeProblem(w, h)).toBe(expected);
  });

  it.each([
    ['a favicon', 16, 16, /at least 32/],
    ['a poster', 5000, 5000, /at most 4096/],
    ['a thin strip', 900, 100, /8 times/],
  ])('refuses %s', (_name, w, h, message) => {
    expect(logoSizeProblem(w, h)).toMatch(message);
  });
});
