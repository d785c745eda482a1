/**
 * The figures of the decision dialog, computed exactly as the API does (docs/api.md, "Conversions"): PSC
 * is `amount x pscRateBps / 10000` rounded half away from zero to the minor unit, in bigint, never in
 * floating point; a tranche schedule is whole percents that total 100.
 */

/** `amount x bps / 10000`, rounded half away from zero to the minor unit (13% is 1300). */
export function pscOf(amount: number, bps: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError('amount must be a safe integer of minor units');
  if (!Number.isSafeInteger(bps) || bps < 0) throw new RangeError('bps must be a non-negative integer');
  const n = BigInt(amount) * BigInt(bps);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (2n * abs + 10000n) / 20000n;
  return Number(negative ? -q : q);
}

export type TrancheCondition = 'on_signature' | 'after_report';

export interface TrancheRow {
  percent: number;
  condition: TrancheCondition;
}

/** Why an award amount cannot be approved, by name (null when it can). */
export type AwardProblem = 'notWhole' | 'aboveRequest' | 'belowMin' | 'aboveMax' | 'notPositive' | null;

export function awardProblem(
  amount: number,
  limits: { requested: number; minAward: number | null; maxAward: number | null },
): AwardProblem {
  if (!Number.isSafeInteger(amount)) return 'notWhole';
  if (amount <= 0) return 'notPositive';
  if (amount > limits.requested) return 'aboveRequest';
  if (limits.minAward !== null && amount < limits.minAward) return 'belowMin';
  if (limits.maxAward !== null && amount > limits.maxAward) return 'aboveMax';
  return null;
}

/** The schedule's total, and whether it can be sent: whole percents 1-100 in each row, totalling 100. */
export function scheduleCheck(rows: readonly TrancheRow[]): { total: number; ok: boolean } {
  const total = rows.reduce((s, r) => s + (Number.isFinite(r.percent) ? r.percent : 0), 0);
  const rowsOk = rows.every((r) => Number.isInteger(r.percent) && r.percent >= 1 && r.percent <= 100);
  return { total, ok: rows.length > 0 && rowsOk && total === 100 };
}

/** Available now, and after this approval (award + PSC); the call's envelope left after it (null: none). */
export function afterDecision(input: {
  available: number;
  amount: number;
  pscRateBps: number;
  envelope: number | null;
  committedOnCall: number;
}): { psc: number; cost: number; availableAfter: number; envelopeLeft: number | null; missing: number } {
  const psc = pscOf(input.amount, input.pscRateBps);
  const cost = input.amount + psc;
  const availableAfter = input.available - cost;
  return {
    psc,
    cost,
    availableAfter,
    envelopeLeft: input.envelope === null ? null : input.envelope - input.committedOnCall - input.amount,
    missing: availableAfter < 0 ? -availableAfter : 0,
  };
}

/** A key made once per attempt (one opening of the dialog), reused on every retry of that attempt. */
export function newIdempotencyKey(): string {
  return `decision-${crypto.randomUUID()}`;
}
