import type { CompleteAssuranceDto } from '../../api/types.gen';

/** One finding as typed, with at most one action point (a check's form; the API takes several). */
export interface FindingForm {
  severity: 'low' | 'medium' | 'high';
  text: string;
  ineligible: string;
  point: string;
  owner: string;
  dueOn: string;
}

export const EMPTY_FINDING: FindingForm = {
  severity: 'medium',
  text: '',
  ineligible: '',
  point: '',
  owner: '',
  dueOn: '',
};

/**
 * The completion's body, or null when a finding lacks its text, an amount does not read as money, or an
 * action point is half filled (text, owner and due date go together). Empty findings are left out, so a
 * check that found nothing completes with none.
 */
export function findingsPayload(
  forms: readonly FindingForm[],
  parse: (text: string) => number | null,
): CompleteAssuranceDto | null {
  const findings: CompleteAssuranceDto['findings'] = [];
  for (const f of forms) {
    const blank = !f.text.trim() && !f.ineligible.trim() && !f.point.trim() && !f.owner.trim() && !f.dueOn;
    if (blank) continue;
    if (!f.text.trim()) return null;
    const amount = f.ineligible.trim() ? parse(f.ineligible) : 0;
    if (amount === null) return null;
    const pointParts = [f.point.trim(), f.owner.trim(), f.dueOn].filter(Boolean).length;
    if (pointParts !== 0 && pointParts !== 3) return null;
    findings.push({
      severity: f.severity,
      text: f.text.trim(),
      ...(amount > 0 ? { ineligibleAmount: amount } : {}),
      ...(pointParts === 3
        ? { actionPoints: [{ text: f.point.trim(), owner: f.owner.trim(), dueOn: f.dueOn }] }
        : {}),
    });
  }
  return { findings };
}
