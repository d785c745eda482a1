import { parseAmount, type RuleMessage, type Service } from './application-form';

/** A line of people assisted: counts only, never a name or a story. */
export interface VictimsLineForm {
  service: Service | '';
  country: string;
  count: string;
}

export interface ReportForm {
  periodEnd: string;
  narrative: string;
  final: boolean;
  /** Spending typed per budget line, in the major unit; the report sends their sum. */
  spending: string[];
  victims: VictimsLineForm[];
}

export type ReportErrors = Record<string, RuleMessage>;

export interface ReportPayload {
  periodEnd: string;
  spent: number;
  narrative: string;
  final: boolean;
  victimsAssisted: { service: Service; country: string; count: number }[];
}

/** The report's rules (GrantReportDto): a date, spending of 0 or more, a narrative, whole counts. */
export function reportPayload(
  form: ReportForm,
  exponent: number,
): { spent: number; payload: ReportPayload | null; errors: ReportErrors } {
  const errors: ReportErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.periodEnd)) errors.periodEnd = { key: 'ngo.rules.date' };
  if (!form.narrative.trim()) errors.narrative = { key: 'ngo.rules.required' };
  let spent = 0;
  form.spending.forEach((text, i) => {
    if (!text.trim()) return;
    const minor = parseAmount(text, exponent);
    if (minor === null) errors[`spending.${i}`] = { key: 'ngo.rules.amount' };
    else spent += minor;
  });
  if (spent > 100_000_000_000) errors.spent = { key: 'ngo.rules.amountRange' };
  const victimsAssisted: ReportPayload['victimsAssisted'] = [];
  form.victims.forEach((v, i) => {
    const empty = !v.service && !v.country && !v.count.trim();
    if (empty) return;
    if (!v.service) errors[`victims.${i}.service`] = { key: 'ngo.rules.required' };
    if (!v.country) errors[`victims.${i}.country`] = { key: 'ngo.rules.required' };
    const count = /^\d{1,7}$/.test(v.count.trim()) ? Number(v.count.trim()) : 0;
    if (count < 1 || count > 1_000_000) errors[`victims.${i}.count`] = { key: 'ngo.rules.count' };
    else if (v.service && v.country) victimsAssisted.push({ service: v.service, country: v.country, count });
  });
  const ok = Object.keys(errors).length === 0;
  return {
    spent,
    errors,
    payload: ok
      ? { periodEnd: form.periodEnd, spent, narrative: form.narrative, final: form.final, victimsAssisted }
      : null,
  };
}
