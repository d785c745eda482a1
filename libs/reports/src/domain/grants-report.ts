import { allocate } from '@app/core';

export const GRANT_GROUPS = ['country', 'service', 'call'] as const;
export type GrantGroup = (typeof GRANT_GROUPS)[number];

export const IMPACT_GROUPS = ['year', 'service', 'country'] as const;
export type ImpactGroup = (typeof IMPACT_GROUPS)[number];

/** `a,b` -> ['a', 'b'] in the caller's order, each once; an unknown name is a message instead. */
export function parseGroups<G extends string>(
  value: string | undefined,
  allowed: readonly G[],
): G[] | string {
  if (!value) return [];
  const parts = value.split(',').map((p) => p.trim());
  for (const p of parts) {
    if (!(allowed as readonly string[]).includes(p)) return `groupBy takes ${allowed.join(', ')}; not "${p}"`;
  }
  if (new Set(parts).size !== parts.length) return 'groupBy names a group twice';
  return parts as G[];
}

export interface GrantFacts {
  id: string;
  callId: string;
  callTitle: string;
  countries: string[];
  services: string[];
  committed: number;
  disbursed: number;
  returned: number;
}

export interface GrantGroupRow {
  country?: string;
  service?: string;
  callId?: string;
  callTitle?: string;
  count: number;
  committed: number;
  disbursed: number;
  returned: number;
  outstanding: number;
}

const MONEY = ['committed', 'disbursed', 'returned'] as const;

/**
 * Sums grants by country, service and/or call. A grant in several countries (or services) is shared
 * equally among them: each amount is split over the grant's cells by largest remainder, so the cells add
 * up exactly to the grant and the groups to the fund's totals. `count` is the number of grants that reach
 * a group (a grant in two countries counts once in each).
 */
export function groupGrants(grants: readonly GrantFacts[], groupBy: readonly GrantGroup[]): GrantGroupRow[] {
  const rows = new Map<string, GrantGroupRow & { grants: Set<string> }>();
  for (const g of grants) {
    const countries = groupBy.includes('country') ? g.countries : [undefined];
    const services = groupBy.includes('service') ? g.services : [undefined];
    const cells = countries.flatMap((country) => services.map((service) => ({ country, service })));
    const shares = Object.fromEntries(
      MONEY.map((m) => [
        m,
        allocate(
          g[m],
          cells.map(() => 1),
        ),
      ]),
    ) as Record<(typeof MONEY)[number], number[]>;
    cells.forEach((cell, i) => {
      const keys: Partial<GrantGroupRow> = {};
      for (const dim of groupBy) {
        if (dim === 'country') keys.country = cell.country;
        if (dim === 'service') keys.service = cell.service;
        if (dim === 'call') Object.assign(keys, { callId: g.callId, callTitle: g.callTitle });
      }
      const id = JSON.stringify(
        groupBy.map((d) => (d === 'call' ? g.callId : d === 'country' ? cell.country : cell.service)),
      );
      const row = rows.get(id) ?? {
        ...keys,
        count: 0,
        committed: 0,
        disbursed: 0,
        returned: 0,
        outstanding: 0,
        grants: new Set(),
      };
      row.grants.add(g.id);
      row.count = row.grants.size;
      for (const m of MONEY) row[m] += shares[m][i];
      row.outstanding = row.committed - row.disbursed;
      rows.set(id, row);
    });
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { grants: _grants, ...row }]) => row);
}

/** Columns of the grants export, in the order of `groupBy`. */
export function groupColumnsOf(groupBy: readonly GrantGroup[]): (keyof GrantGroupRow)[] {
  return groupBy.flatMap((g) => (g === 'call' ? (['callId', 'callTitle'] as const) : [g]));
}
