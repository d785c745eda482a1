import type { AmendmentDto } from '../../api/types.gen';

/** The amendment request as typed (strings, as the inputs hold them). */
export interface AmendmentForm {
  kind: 'no_cost_extension' | 'budget_revision' | 'cost_extension';
  reason: string;
  endDate: string;
  moves: { from: string; to: string; amount: string }[];
  amount: string;
  line: string;
}

export const EMPTY_AMENDMENT: AmendmentForm = {
  kind: 'no_cost_extension',
  reason: '',
  endDate: '',
  moves: [{ from: '1', to: '2', amount: '' }],
  amount: '',
  line: '1',
};

/**
 * The request's body, or the catalog keys of what is missing or wrong by field (the API checks the rest:
 * lines that exist, the 20% rule, the 30% cap). `parse` turns an amount as typed into minor units.
 */
export function amendmentPayload(
  f: AmendmentForm,
  parse: (text: string) => number | null,
): { body: AmendmentDto | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const reason = f.reason.trim();
  if (!reason) errors.reason = 'postAward.errors.reason';
  let body: AmendmentDto;
  if (f.kind === 'no_cost_extension') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.endDate)) errors.endDate = 'postAward.errors.endDate';
    body = { kind: f.kind, reason, endDate: f.endDate };
  } else if (f.kind === 'budget_revision') {
    const moves = f.moves.map((m) => ({ from: Number(m.from), to: Number(m.to), amount: parse(m.amount) }));
    if (!moves.length || moves.some((m) => !m.amount || m.amount <= 0 || m.from === m.to))
      errors.moves = 'postAward.errors.moves';
    body = { kind: f.kind, reason, moves: moves.map((m) => ({ ...m, amount: m.amount ?? 0 })) };
  } else {
    const amount = parse(f.amount);
    if (!amount || amount <= 0) errors.amount = 'postAward.errors.amount';
    body = { kind: f.kind, reason, amount: amount ?? 0, line: Number(f.line) || 1 };
  }
  return { body: Object.keys(errors).length ? null : body, errors };
}
