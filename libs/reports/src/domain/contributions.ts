export const CONTRIBUTION_GROUPS = ['donor', 'donorType', 'year'] as const;
export type ContributionGroup = (typeof CONTRIBUTION_GROUPS)[number];

export interface ContributionGroupRow {
  donorId?: string;
  donorName?: string;
  donorType?: 'member_state' | 'private';
  year?: number;
  amount: number;
  count: number;
  share: number;
}

export interface ContributionsReport {
  fundId: string;
  currency: string;
  from: string | null;
  to: string;
  groupBy: ContributionGroup[];
  items: ContributionGroupRow[];
  total: number;
  count: number;
  /** The moment the figures are as of (the read database's snapshot; ADR 0015). */
  dataAsOf: string;
}

/** `donor,year` -> ['donor', 'year'], in the caller's order, each once; unknown names are refused. */
export function parseGroupBy(value: string | undefined): ContributionGroup[] | string {
  if (!value) return [];
  const parts = value.split(',').map((p) => p.trim());
  for (const p of parts) {
    if (!(CONTRIBUTION_GROUPS as readonly string[]).includes(p)) {
      return `groupBy takes ${CONTRIBUTION_GROUPS.join(', ')}; not "${p}"`;
    }
  }
  if (new Set(parts).size !== parts.length) return 'groupBy names a group twice';
  return parts as ContributionGroup[];
}

/** Columns of the contributions export, in the order of `groupBy`. */
export function groupColumns(groupBy: readonly ContributionGroup[]): (keyof ContributionGroupRow)[] {
  return groupBy.flatMap((g) =>
    g === 'donor'
      ? (['donorId', 'donorName'] as const)
      : g === 'donorType'
        ? (['donorType'] as const)
        : ['year' as const],
  );
}
