/**
 * The contributions list's filters that the API does not take (it filters by fund and donor): the date
 * range, the currency and the status, applied to the pages loaded so far; and the page of rows shown, so
 * a list of 10,000 rows renders 50 at a time.
 */
export interface ContributionFilter {
  from: string; // YYYY-MM-DD or ''
  to: string; // YYYY-MM-DD or ''
  currency: string; // '' for any
  status: '' | 'received' | 'reversed';
}

export const NO_FILTER: ContributionFilter = { from: '', to: '', currency: '', status: '' };

export function matches(
  row: { receivedAt: string; currency: string; status: string },
  f: ContributionFilter,
): boolean {
  const day = row.receivedAt.slice(0, 10);
  return (
    (!f.from || day >= f.from) &&
    (!f.to || day <= f.to) &&
    (!f.currency || row.currency === f.currency) &&
    (!f.status || row.status === f.status)
  );
}

export function filterRows<R extends { receivedAt: string; currency: string; status: string }>(
  rows: readonly R[],
  f: ContributionFilter,
): R[] {
  return rows.filter((r) => matches(r, f));
}

export const PAGE_SIZE = 50;

/** The rows of page `page` (1-based, clamped), and how many pages there are. */
export function pageOf<R>(rows: readonly R[], page: number, size = PAGE_SIZE): { rows: R[]; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((p - 1) * size, p * size), pages };
}
