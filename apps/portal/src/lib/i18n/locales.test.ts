import { describe, expect, it } from 'vitest';
import { directionOf, type LocaleSources, localeOf, nativeName, resolveLocale } from './locales';

describe('which language the portal speaks', () => {
  it.each<[LocaleSources, string, string]>([
    [{ profile: 'ru', stored: 'fr', browser: ['es-ES'] }, 'ru', 'the saved profile locale first'],
    [{ profile: null, stored: 'fr', browser: ['es-ES'] }, 'fr', 'then the choice stored in this browser'],
    [
      { stored: 'xx', browser: ['de-DE', 'zh-Hant-TW', 'ar'] },
      'zh',
      'then the first browser language we speak',
    ],
    [{ browser: ['de', 'it'] }, 'en', 'else English'],
    [{}, 'en', 'English with nothing known'],
    [{ profile: 'AR-eg' }, 'ar', 'tags in any case and region'],
  ])('%j -> %s (%s)', (sources, expected) => {
    expect(resolveLocale(sources)).toBe(expected);
  });

  it('reads only the six languages', () => {
    expect([localeOf('fr_CA'), localeOf('de'), localeOf(''), localeOf(undefined)]).toEqual([
      'fr',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect([directionOf('ar'), directionOf('zh'), directionOf('en')]).toEqual(['rtl', 'ltr', 'ltr']);
  });

  it('names each language in itself', () => {
    expect([nativeName('ar'), nativeName('ru'), nativeName('zh'), nativeName('fr')]).toEqual([
      'العربية',
      'Русский',
      '中文',
      'Français',
    ]);
  });
});
