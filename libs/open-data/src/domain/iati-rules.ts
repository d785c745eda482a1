import { isCountry, isKnownCurrency } from '@app/core';
import { ACTIVITY_STATUSES, DAC5_SECTORS, ORG_TYPES, TRANSACTION_TYPES } from './codes';
import { percentages } from './decimal';
import type { IatiActivity } from './iati-activities';
import type { IatiOrganisation } from './iati-organisation';

/**
 * The IATI Standard's rules that its XML schema cannot check: percentages that total 100, dates in order,
 * a budget period of at most a year, and codes from the code lists. Each problem is a sentence; none is
 * good. The exporter's tests run these over every file they build.
 */

/** The percentages as written in the file, totalled in hundredths (no floating point). */
export function totalHundredths(values: readonly string[]): number {
  return values.reduce((sum, v) => {
    const [whole, frac = ''] = v.split('.');
    return sum + Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  }, 0);
}

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function activityProblems(a: IatiActivity): string[] {
  const problems: string[] = [];
  const where = (s: string) => problems.push(`${a.identifier}: ${s}`);
  if (a.countries.length) {
    const total = totalHundredths(percentages(a.countries.map((c) => c.hundredths)));
    if (total !== 10_000) where(`recipient-country percentages total ${total / 100}, not 100`);
  }
  if (a.sectors.length) {
    const total = totalHundredths(percentages(a.sectors.map((s) => s.hundredths)));
    if (total !== 10_000) where(`sector percentages total ${total / 100}, not 100`);
  }
  for (const c of a.countries)
    if (!isCountry(c.code)) where(`recipient-country ${c.code} is not an ISO 3166 code`);
  for (const s of a.sectors) if (!DAC5_SECTORS[s.code]) where(`sector ${s.code} is not a DAC 5-digit code`);
  if (!ACTIVITY_STATUSES.includes(a.status)) where(`activity-status ${a.status} is not in ActivityStatus`);
  if (!isKnownCurrency(a.currency)) where(`currency ${a.currency} is not ISO 4217`);
  for (const p of a.participants)
    if (!ORG_TYPES.includes(p.type)) where(`organisation type ${p.type} unknown`);
  const dates = new Map(a.dates.map((d) => [d.type, d.date]));
  for (const [start, end] of [
    ['1', '3'],
    ['2', '4'],
  ] as const) {
    const s = dates.get(start);
    const e = dates.get(end);
    if (s && e && time(e) < time(s)) where(`activity-date type ${end} (${e}) is before type ${start} (${s})`);
  }
  if (dates.has('4') && !dates.has('2')) where('an actual end without an actual start');
  const b = a.budget;
  if (time(b.end) <= time(b.start)) where(`budget ends ${b.end}, not after it starts ${b.start}`);
  if (time(b.end) - time(b.start) > 365 * DAY) where(`budget period ${b.start}..${b.end} is over a year`);
  for (const t of a.transactions) {
    if (!TRANSACTION_TYPES.includes(t.type)) where(`transaction-type ${t.type} is not in TransactionType`);
    if (!isKnownCurrency(t.currency)) where(`transaction currency ${t.currency} is not ISO 4217`);
  }
  return problems;
}

export function organisationProblems(o: IatiOrganisation): string[] {
  const problems: string[] = [];
  if (!ORG_TYPES.includes(o.type)) problems.push(`organisation type ${o.type} unknown`);
  for (const c of o.countryBudgets)
    if (!isCountry(c.country)) problems.push(`recipient-country ${c.country} is not an ISO 3166 code`);
  for (const f of [...o.budgets, ...o.countryBudgets, ...o.expenditure])
    if (!isKnownCurrency(f.currency)) problems.push(`currency ${f.currency} is not ISO 4217`);
  return problems;
}
