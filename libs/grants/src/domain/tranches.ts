import { allocate } from '@app/core';
import type { AwardTerms } from '@app/core';

export type TrancheCondition = 'on_signature' | 'after_report';
export type TrancheState = 'scheduled' | 'due' | 'paid' | 'cancelled';

export interface TrancheSpec {
  percent: number;
  condition: TrancheCondition;
}

export interface PlannedTranche {
  n: number;
  percent: number;
  amount: number;
  pscAmount: number;
  condition: TrancheCondition;
}

export interface TrancheLike {
  n: number;
  condition: TrancheCondition;
  state: TrancheState;
}

export const DEFAULT_SCHEDULE: readonly TrancheSpec[] = [{ percent: 100, condition: 'on_signature' }];

/** Problems with a schedule, empty when it is fine: whole percents, each 1-100, summing to 100. */
export function scheduleProblems(schedule: readonly TrancheSpec[]): string[] {
  if (schedule.length === 0) return ['tranches must not be empty'];
  if (schedule.length > 24) return ['at most 24 tranches'];
  const problems: string[] = [];
  if (schedule.some((t) => !Number.isInteger(t.percent) || t.percent < 1 || t.percent > 100)) {
    problems.push('each tranche percent must be a whole number from 1 to 100');
  }
  const sum = schedule.reduce((s, t) => s + t.percent, 0);
  if (sum !== 100) problems.push(`tranche percents must sum to 100 (they sum to ${sum})`);
  return problems;
}

/**
 * The tranches of an award: amounts and PSC each split by largest remainder over the percents, so each
 * column adds up exactly to the award and to its PSC.
 */
export function planTranches(
  amount: number,
  psc: number,
  schedule: readonly TrancheSpec[],
): PlannedTranche[] {
  const weights = schedule.map((t) => t.percent);
  const amounts = allocate(amount, weights);
  const pscs = allocate(psc, weights);
  return schedule.map((t, i) => ({
    n: i + 1,
    percent: t.percent,
    amount: amounts[i],
    pscAmount: pscs[i],
    condition: t.condition,
  }));
}

/** The tranche an accepted report makes due: the first `after_report` tranche still scheduled. */
export function nextAfterReport<T extends TrancheLike>(tranches: readonly T[]): T | undefined {
  return [...tranches]
    .sort((a, b) => a.n - b.n)
    .find((t) => t.condition === 'after_report' && t.state === 'scheduled');
}

/**
 * The tranches signing makes due: every scheduled `on_signature` tranche, and as many `after_report` tranches
 * (in order) as reports were accepted before the signature, since each accepted report releases the next one.
 */
export function dueAtSignature<T extends TrancheLike>(tranches: readonly T[], acceptedReports: number): T[] {
  const sorted = [...tranches].sort((a, b) => a.n - b.n);
  const released = new Set(sorted.filter((t) => t.condition === 'after_report').slice(0, acceptedReports));
  return sorted.filter((t) => t.state === 'scheduled' && (t.condition === 'on_signature' || released.has(t)));
}

/** A grant closes when every tranche is paid or cancelled and its final report is accepted. */
export function canClose(tranches: readonly TrancheLike[], finalReportAccepted: boolean): boolean {
  return finalReportAccepted && tranches.every((t) => t.state === 'paid' || t.state === 'cancelled');
}

/**
 * The terms a decision departs from, given the partner's risk terms (none: nothing to depart from): an
 * amount above the risk level's maximum award, or a schedule other than the risk level's default.
 */
export function termOverrides(
  terms: AwardTerms | null,
  amount: number,
  schedule: readonly TrancheSpec[] | undefined,
): string[] {
  if (!terms) return [];
  const out: string[] = [];
  if (terms.maxAward !== null && amount > terms.maxAward)
    out.push(`amount ${amount} is above the ${terms.riskLevel}-risk maximum award ${terms.maxAward}`);
  const same =
    !schedule ||
    (schedule.length === terms.tranches.length &&
      schedule.every(
        (t, i) => t.percent === terms.tranches[i].percent && t.condition === terms.tranches[i].condition,
      ));
  if (!same) out.push(`the tranche schedule is not the ${terms.riskLevel}-risk default`);
  return out;
}
