import { normalizeName } from './names';

describe('normalizeName', () => {
  it('drops case, diacritics and punctuation and sorts the words', () => {
    expect(normalizeName('Nour Relief, AL-')).toBe('al nour relief');
    expect(normalizeName('Al-Noûr  Rélief')).toBe('al nour relief');
    expect(normalizeName('Relief (Al Nour)')).toBe(normalizeName('al-nour relief'));
  });

  it('transliterates Cyrillic to Latin', () => {
    expect(normalizeName('Иван Петров')).toBe('ivan petrov');
  });

  it('leaves an empty string for a name with nothing to compare', () => {
    expect(normalizeName(' -- ')).toBe('');
  });
});
