import { allocate } from '@app/core';
import { grantActivity, IatiActivity, publication } from './iati-activities';
import type { FundFacts, GrantActivityFacts, PublishingSettings } from './facts';
import { TRANSACTION } from './codes';

/** One calendar year's figure in one currency (minor units). */
export interface YearFigure {
  year: number;
  currency: string;
  value: number;
}

export interface CountryYearFigure extends YearFigure {
  country: string;
}

export interface IatiOrganisation {
  identifier: string;
  type: string;
  name: string;
  currency: string;
  lastUpdated: Date;
  budgets: YearFigure[];
  countryBudgets: CountryYearFigure[];
  expenditure: YearFigure[];
}

const key = (...parts: (string | number)[]) => parts.join('|');

function add<T extends YearFigure>(map: Map<string, T>, k: string, row: Omit<T, 'value'>, value: number) {
  const found = map.get(k);
  if (found) found.value += value;
  else map.set(k, { ...row, value } as T);
}

const byYear = (a: YearFigure, b: YearFigure) =>
  a.year - b.year || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);

/**
 * The organisation file's figures: the total budget of each year is what the fund committed in grants
 * approved that year (less what was cancelled), the total expenditure of each year what it disbursed less
 * what came back, by the transactions' dates, and each recipient country's budget the committed money of
 * its grants, a grant in several countries shared equally (largest remainder, so the shares add up).
 * Sensitive grants count in the totals always (they name nobody) and in the countries unless excluded.
 */
export function organisationModel(
  fund: FundFacts,
  settings: PublishingSettings & { iatiOrgRef: string },
  grants: readonly GrantActivityFacts[],
  lastUpdated: Date,
): IatiOrganisation {
  const budgets = new Map<string, YearFigure>();
  const countries = new Map<string, CountryYearFigure>();
  const spent = new Map<string, YearFigure>();
  for (const g of grants) {
    // The totals use the full activity: under `exclude` the grant is still the fund's money.
    const full: IatiActivity | null = grantActivity({ ...g, sensitive: false }, fund, settings);
    if (!full) continue;
    const year = g.approvedAt.getUTCFullYear();
    const committed = g.amount - g.cancelled;
    add(budgets, key(year, g.currency), { year, currency: g.currency }, committed);
    if (publication(g, settings)) {
      const codes = [...new Set(g.countries)].sort();
      const parts = allocate(
        committed,
        codes.map(() => 1),
      );
      codes.forEach((country, i) =>
        add(countries, key(year, g.currency, country), { year, currency: g.currency, country }, parts[i]),
      );
    }
    for (const t of full.transactions) {
      if (t.type !== TRANSACTION.disbursement) continue;
      const y = Number(t.date.slice(0, 4));
      add(spent, key(y, t.currency), { year: y, currency: t.currency }, t.value);
    }
  }
  return {
    identifier: settings.iatiOrgRef,
    type: settings.iatiOrgType,
    name: fund.name,
    currency: fund.currency,
    lastUpdated,
    budgets: [...budgets.values()].sort(byYear),
    countryBudgets: [...countries.values()].sort(
      (a, b) => byYear(a, b) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0),
    ),
    expenditure: [...spent.values()].sort(byYear),
  };
}
