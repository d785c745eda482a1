import { APPLICATION_NOTICE_TEXTS, type ApplicationNotice } from './application-notice-texts';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("application notices in the members' language", () => {
  const keys = Object.keys(APPLICATION_NOTICE_TEXTS.en) as ApplicationNotice[];
  it.each(keys)('words %s in each language with the placeholders of the English', (key) => {
    const en = APPLICATION_NOTICE_TEXTS.en[key];
    for (const [lang, t] of Object.entries(APPLICATION_NOTICE_TEXTS)) {
      expect({ lang, subject: holes(t[key].subject) }).toEqual({ lang, subject: holes(en.subject) });
      expect({ lang, body: holes(t[key].body) }).toEqual({ lang, body: holes(en.body) });
      if (lang !== 'en') expect(t[key].body).not.toBe(en.body);
    }
  });
});
