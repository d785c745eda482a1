/**
 * Small-cell protection of the public impact figures (`GET /api/public/impact`). A published count under
 * `SMALL_CELL_LIMIT` could point at a few identifiable survivors ("1 victim, legal aid, one small country,
 * one year"), so it is shown as `"<5"`. Suppressing cells alone is not enough: an exact row, column or grand
 * total (or a coarser grouping asked for separately) minus the cells shown would give the hidden one back.
 * So every other public figure, cells and totals alike, is rounded to the nearest multiple of
 * `ROUNDING_BASE` (halves up), each from its own exact value: a difference of rounded figures only bounds a
 * hidden cell within a range of several values, never to one. Staff and donors (signed-in) keep exact figures.
 */
export const SMALL_CELL_LIMIT = 5;
export const ROUNDING_BASE = 5;
export const SUPPRESSED = '<5' as const;

export type PublicCount = number | typeof SUPPRESSED;

export function publicCount(exact: number): PublicCount {
  if (exact < SMALL_CELL_LIMIT) return SUPPRESSED;
  return Math.floor(exact / ROUNDING_BASE + 0.5) * ROUNDING_BASE;
}
