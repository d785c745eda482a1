import { EffectiveDateTooEarly, InFuture } from '../funds.errors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A moment from ISO 8601; a bare `YYYY-MM-DD` means the end of that day (UTC) for "as of" questions. */
export function parseAsOf(value: string): Date {
  return DAY.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

/** The date a money write took effect: given (never after now) or now. A bare day means its start. */
export function effectiveDate(value: string | undefined, now: Date, field: string): Date {
  if (!value) return now;
  const at = DAY.test(value) ? new Date(`${value}T00:00:00.000Z`) : new Date(value);
  if (at.getTime() > now.getTime()) throw new InFuture(field);
  return at;
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The lower bound of an effective date: its UTC day may not be before the day of its cause (the grant's
 * signature, the payment returned, the receipt reversed, the fund's creation). Days, not moments, because
 * finance enters days.
 */
export function notBefore(at: Date, cause: Date, field: string, what: string): void {
  if (utcDay(at) < utcDay(cause)) throw new EffectiveDateTooEarly(field, utcDay(cause), what);
}
