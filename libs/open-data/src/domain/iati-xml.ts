import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { currencyExponent } from '@app/core';
import { BUDGET, SECTOR_VOCABULARY_DAC5 } from './codes';
import { decimalOf, percentages } from './decimal';
import { DATA_LANG, IatiActivity, IatiOrg } from './iati-activities';
import type { IatiOrganisation } from './iati-organisation';

/**
 * The IATI 2.03 XML of the models, written with xmlbuilder2 (escaping and well-formedness are the
 * library's), elements in the schema's order. No clock here: the datetimes come from the data.
 */
export const IATI_VERSION = '2.03';

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const money = (minor: number, currency: string) => decimalOf(minor, currencyExponent(currency));

function narrative(parent: XMLBuilder, text: string, lang = DATA_LANG): void {
  parent.ele('narrative', { 'xml:lang': lang }).txt(text);
}

function org(parent: XMLBuilder, name: string, o: IatiOrg): void {
  const el = parent.ele(name, { ...(o.ref ? { ref: o.ref } : {}), type: o.type, role: o.role });
  narrative(el, o.name);
}

function activity(root: XMLBuilder, a: IatiActivity): void {
  const el = root.ele('iati-activity', {
    'last-updated-datetime': iso(a.lastUpdated),
    'xml:lang': DATA_LANG,
    'default-currency': a.currency,
  });
  el.ele('iati-identifier').txt(a.identifier);
  const funder = a.participants[0];
  const reporting = el.ele('reporting-org', { ref: funder.ref ?? '', type: funder.type });
  narrative(reporting, funder.name);
  narrative(el.ele('title'), a.title.text, a.title.lang);
  narrative(el.ele('description', { type: '1' }), a.description.text, a.description.lang);
  for (const p of a.participants) org(el, 'participating-org', p);
  el.ele('activity-status', { code: a.status });
  for (const d of a.dates) el.ele('activity-date', { type: d.type, 'iso-date': d.date });
  const countryPct = percentages(a.countries.map((c) => c.hundredths));
  a.countries.forEach((c, i) => el.ele('recipient-country', { code: c.code, percentage: countryPct[i] }));
  const sectorPct = percentages(a.sectors.map((s) => s.hundredths));
  a.sectors.forEach((s, i) =>
    el.ele('sector', { vocabulary: SECTOR_VOCABULARY_DAC5, code: s.code, percentage: sectorPct[i] }),
  );
  const budget = el.ele('budget', { type: BUDGET.original, status: BUDGET.committed });
  budget.ele('period-start', { 'iso-date': a.budget.start });
  budget.ele('period-end', { 'iso-date': a.budget.end });
  budget
    .ele('value', { currency: a.currency, 'value-date': a.budget.valueDate })
    .txt(money(a.budget.value, a.currency));
  for (const t of a.transactions) {
    const tx = el.ele('transaction', { ref: t.ref });
    tx.ele('transaction-type', { code: t.type });
    tx.ele('transaction-date', { 'iso-date': t.date });
    tx.ele('value', { currency: t.currency, 'value-date': t.valueDate }).txt(money(t.value, t.currency));
    narrative(tx.ele('description'), t.description);
    const provider = tx.ele('provider-org', {
      ...(funder.ref ? { ref: funder.ref } : {}),
      type: funder.type,
    });
    narrative(provider, funder.name);
    if (t.receiver) {
      const receiver = tx.ele('receiver-org', {
        ...(t.receiver.ref ? { ref: t.receiver.ref } : {}),
        type: t.receiver.type,
      });
      narrative(receiver, t.receiver.name);
    }
  }
}

/** The activity file: the activities in the order given (the service sorts them by identifier). */
export function activitiesXml(activities: readonly IatiActivity[], generated: Date): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: IATI_VERSION,
    'generated-datetime': iso(generated),
  });
  for (const a of activities) activity(root, a);
  return root.end({ prettyPrint: true });
}

function period(parent: XMLBuilder, year: number): void {
  parent.ele('period-start', { 'iso-date': `${year}-01-01` });
  parent.ele('period-end', { 'iso-date': `${year}-12-31` });
}

export function organisationXml(o: IatiOrganisation, generated: Date): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-organisations', {
    version: IATI_VERSION,
    'generated-datetime': iso(generated),
  });
  const el = root.ele('iati-organisation', {
    'last-updated-datetime': iso(o.lastUpdated),
    'xml:lang': DATA_LANG,
    'default-currency': o.currency,
  });
  el.ele('organisation-identifier').txt(o.identifier);
  narrative(el.ele('name'), o.name);
  narrative(el.ele('reporting-org', { ref: o.identifier, type: o.type }), o.name);
  for (const b of o.budgets) {
    const tb = el.ele('total-budget', { status: BUDGET.committed });
    period(tb, b.year);
    tb.ele('value', { currency: b.currency, 'value-date': `${b.year}-01-01` }).txt(
      money(b.value, b.currency),
    );
  }
  for (const b of o.countryBudgets) {
    const cb = el.ele('recipient-country-budget', { status: BUDGET.committed });
    cb.ele('recipient-country', { code: b.country });
    period(cb, b.year);
    cb.ele('value', { currency: b.currency, 'value-date': `${b.year}-01-01` }).txt(
      money(b.value, b.currency),
    );
  }
  for (const e of o.expenditure) {
    const te = el.ele('total-expenditure');
    period(te, e.year);
    te.ele('value', { currency: e.currency, 'value-date': `${e.year}-01-01` }).txt(
      money(e.value, e.currency),
    );
  }
  return root.end({ prettyPrint: true });
}
