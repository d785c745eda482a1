import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../lib/i18n/locales';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ru from './ru.json';
import zh from './zh.json';

type Catalog = { [key: string]: string | Catalog };
const CATALOGS: Record<Locale, Catalog> = { ar, zh, en, fr, ru, es };

/** Messages that may read the same as in English: words French shares with English, and a pure layout. */
const SAME_AS_ENGLISH: Partial<Record<Locale, string[]>> = {
  fr: [
    'ngo.budget.category',
    'ngo.grant.tranches',
    'ngo.grant.trancheNumber',
    'ngo.report.service',
    'ngo.report.spentOn',
    'admin.audit.actor',
    // the same words in French
    'screening.service',
    'screening.actions',
    'ranking.actions',
    'ranking.services',
    'postAward.agreement.version',
    'partners.wizard.stepN',
    'partners.bank.bic',
    'partners.bank.iban',
    'partners.observations.title',
    'partners.observations.note',
    'partners.sanctions.versions',
  ],
  // a pure layout, and the banks' own codes (issue 17)
  es: [
    'ngo.report.spentOn',
    'admin.audit.actor',
    'partners.wizard.stepN',
    'partners.bank.bic',
    'partners.bank.iban',
    'partners.dd.no',
  ],
  ru: [
    'ngo.report.spentOn',
    'admin.audit.actor',
    'partners.wizard.stepN',
    'partners.bank.bic',
    'partners.bank.iban',
  ],
  ar: ['ngo.report.spentOn', 'admin.audit.actor', 'partners.wizard.stepN'],
};

function flatten(catalog: Catalog, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalog).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

/** The plural selectors of a message's AST (ICU `{x, plural, ...}`), with their categories. */
function plurals(ast: unknown[]): { options: string[] }[] {
  const out: { options: string[] }[] = [];
  for (const node of ast as { type: number; options?: Record<string, { value: unknown[] }> }[]) {
    if (node.type === 6 && node.options) out.push({ options: Object.keys(node.options) });
    for (const option of Object.values(node.options ?? {})) out.push(...plurals(option.value));
  }
  return out;
}

const english = flatten(en);

describe.each(LOCALES)('the %s catalog', (locale) => {
  const messages = flatten(CATALOGS[locale]);

  it('has every key of the English catalog and no other', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it('has messages that parse as ICU and format', () => {
    for (const [key, message] of Object.entries(messages)) {
      const format = () =>
        new IntlMessageFormat(message, locale).format({
          count: 3,
          date: 'd',
          min: 'a',
          max: 'b',
          title: 't',
          name: 'n',
          weight: 5,
          kind: 'PDF',
          size: '2 kB',
          percent: 40,
          currency: 'USD',
          email: 'e',
          service: 's',
          // the donor's and administrators' pages (issue 16)
          ...{
            who: 'w',
            when: 'd',
            roles: 'r',
            receipt: 'R-1',
            reason: 'x',
            entity: 'e',
            id: 'i',
            action: 'a',
          },
          ...{ year: 2026, number: 'R-1', status: 404, detail: 'x', loaded: 1, total: 2, formatted: '3' },
          // the finance pages'
          day: 'd',
          moment: 'm',
          progress: 0.5,
          fund: 'f',
          label: 'l',
          outstanding: 'o',
          rate: '1',
          shown: 2,
          n: 1,
          time: '1/1/31',
          available: 'USD 1',
          target: 'USD 2',
          subject: 's',
          // the manager's and reviewer's pages (issue 15 B)
          matched: 5,
          changed: 3,
          failed: 2,
          open: 2,
          conflicts: 1,
          threshold: 20,
          // the forecast (issue 21)
          ...{ month: 'm', low: 'l', high: 'h', share: '50%', cost: 'USD 1', before: 'b', after: 'a' },
          // the post-award sections (issue 18)
          from: 1,
          to: 2,
          owner: 'o',
          // partner due diligence (issue 17)
          version: '2026-1',
          score: 80,
          dataId: '6908101',
          level: 'l',
          on: 'd',
          until: 'd',
        });
      expect(format, `${locale}:${key}`).not.toThrow();
    }
  });

  it('gives every plural the categories of the language (and "other")', () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(messages)) {
      for (const { options } of plurals(new IntlMessageFormat(message, locale).getAst())) {
        expect(options.filter((o) => !o.startsWith('=')).sort(), `${locale}:${key}`).toEqual(
          [...categories].sort(),
        );
      }
    }
  });

  it.skipIf(locale === 'en')('is translated: no message is the English one', () => {
    const allowed = new Set(SAME_AS_ENGLISH[locale] ?? []);
    const copies = Object.keys(messages).filter((k) => messages[k] === english[k] && !allowed.has(k));
    expect(copies).toEqual([]);
  });
});

describe('the catalog check', () => {
  it('catches a message that does not parse', () => {
    expect(() => new IntlMessageFormat('{count, plural, one {# x}', 'en')).toThrow();
  });
});
