import { applyBps } from '@app/core';

/**
 * The PSC released by a return, computed on the running total so rounding never adds up: the PSC on
 * everything returned so far (this return included), rounded once, less the PSC released by the earlier
 * returns; never more than the PSC charged and not yet released, never negative.
 */
export function pscReleasedOnReturn(r: {
  returnedBefore: number;
  amount: number;
  rateBps: number;
  releasedBefore: number;
  charged: number;
}): number {
  const cumulative = applyBps(r.returnedBefore + r.amount, r.rateBps) - r.releasedBefore;
  return Math.max(0, Math.min(cumulative, r.charged - r.releasedBefore));
}
