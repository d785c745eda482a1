import { transliterate } from 'transliteration';

/**
 * The form every name is compared in: Latin transliteration of other scripts (Cyrillic well; Arabic as
 * its consonant skeleton, the library's best), diacritics dropped, lower case, punctuation as spaces, and
 * the words sorted, so "Nour Relief, Al-" and "al nour relief" are the same string.
 */
export function normalizeName(name: string): string {
  const latin = transliterate(name.normalize('NFKC'));
  const plain = latin
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!plain) return '';
  return plain.split(' ').sort().join(' ');
}

/**
 * The similarity (PostgreSQL pg_trgm `similarity`, shared trigrams over all trigrams, 0..1) of two
 * normalized names at or above which a profile name is a hit on a list name.
 */
export const SIMILARITY_THRESHOLD = 0.7;
