import { InvalidInputError } from '@app/core';

/** A reporting period in UTC: `from` inclusive (null = since the beginning), `to` inclusive. */
export interface Period {
  from: Date | null;
  to: Date;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `from`: a moment, or a bare `YYYY-MM-DD` meaning the start of that day (UTC). */
export function parseFrom(value: string): Date {
  return DAY.test(value) ? new Date(`${value}T00:00:00.000Z`) : new Date(value);
}

/** `to`: a moment, or a bare `YYYY-MM-DD` meaning the end of that day (UTC). */
export function parseTo(value: string): Date {
  return DAY.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

export function yearPeriod(year: number): Period {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1) - 1) };
}

/**
 * The period of a report query. Without `to`, now; without `from`, `defaultFrom(to)` (null = the
 * beginning). `year` is a shortcut for 1 January to 31 December and excludes `from`/`to`.
 */
export function periodOf(
  q: { from?: string; to?: string; year?: number },
  now: Date,
  defaultFrom: (to: Date) => Date | null,
): Period {
  if (q.year !== undefined) {
    if (q.from || q.to) throw new InvalidInputError('year', 'year cannot be combined with from or to');
    return yearPeriod(q.year);
  }
  const to = q.to ? parseTo(q.to) : now;
  const from = q.from ? parseFrom(q.from) : defaultFrom(to);
  if (from && from.getTime() > to.getTime()) throw new InvalidInputError('from', 'from must not be after to');
  return { from, to };
}

export function startOfYear(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), 0, 1));
}

export function day(at: Date | null): string {
  return at ? at.toISOString().slice(0, 10) : '';
}
