/** What the dashboard says of a grant: the next tranche to come and the report that releases it. */
export interface TrancheLike {
  n: number;
  amount: number;
  condition: 'on_signature' | 'after_report';
  state: 'scheduled' | 'due' | 'paid' | 'cancelled';
  dueBy?: string;
}

export interface ReportLike {
  status: 'submitted' | 'accepted' | 'returned';
}

/** The first tranche not yet paid nor cancelled. */
export function nextTranche<T extends TrancheLike>(tranches: readonly T[]): T | undefined {
  return [...tranches].sort((a, b) => a.n - b.n).find((t) => t.state === 'scheduled' || t.state === 'due');
}

/**
 * Whether a report is expected: a tranche paid after a report waits for one, unless a report is already
 * with the fund (submitted, not yet decided). Null when none is due.
 */
export function reportDue(
  tranches: readonly TrancheLike[],
  reports: readonly ReportLike[],
): { forTranche: number; dueBy?: string } | null {
  const next = nextTranche(tranches);
  if (!next || next.condition !== 'after_report') return null;
  if (reports.some((r) => r.status === 'submitted')) return null;
  return { forTranche: next.n, dueBy: next.dueBy };
}
