/** Grantees report every six months from the signature of their agreement. */
export const REPORTING_PERIOD_MONTHS = 6;
/** How long before a report is due its reminder goes out. */
export const REMIND_DAYS_BEFORE = 14;

function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** The report due next for a grant signed at `signedAt`: its period number and due date. */
export function nextReportDue(signedAt: Date, now: Date): { period: number; dueAt: Date; periodStart: Date } {
  let period = 1;
  while (addMonths(signedAt, period * REPORTING_PERIOD_MONTHS).getTime() <= now.getTime()) period += 1;
  return {
    period,
    dueAt: addMonths(signedAt, period * REPORTING_PERIOD_MONTHS),
    periodStart: addMonths(signedAt, (period - 1) * REPORTING_PERIOD_MONTHS),
  };
}
