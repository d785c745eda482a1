import { allocate } from '@app/core';
import type { BudgetLine, BudgetMove } from './amendments.repository';

/** The post-award rules (ADR 0012) as pure functions: budget moves, the cost-extension cap, the schedule. */

/** A move above this share of its source line needs a fund manager's approval; below it is recorded. */
export const MOVE_APPROVAL_PERCENT = 20;
/** Cost extensions may add at most this share of the original award, in total. */
export const COST_EXTENSION_PERCENT = 30;
/** The final report is due this many days after the grant's end date. */
export const FINAL_REPORT_DAYS = 30;
/** A grant's period when nothing else says: twelve months from the approval. */
export const DEFAULT_PERIOD_MONTHS = 12;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoDate(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** One progress report per tranche, spread evenly over the period, then the final one after its end. */
export function planSchedule(
  tranches: number,
  start: string,
  end: string,
): { n: number; final: boolean; dueOn: string }[] {
  const span = daysBetween(start, end);
  const progress = Array.from({ length: tranches }, (_, i) => ({
    n: i + 1,
    final: false,
    dueOn: addDays(start, Math.floor((span * (i + 1)) / (tranches + 1))),
  }));
  return [...progress, { n: tranches + 1, final: true, dueOn: addDays(end, FINAL_REPORT_DAYS) }];
}

/**
 * The schedule a partner's risk rating asks for: a progress report every `everyMonths` months over the period
 * (the fund's due-diligence setting for the level: 12, 6 and 3 months by default), then the final one. A
 * schedule with fewer progress reports than after-report tranches could never release them, so then (and
 * without a rating) it is one report per tranche, as `planSchedule`.
 */
export function planScheduleByRisk(
  tranches: number,
  afterReport: number,
  start: string,
  end: string,
  everyMonths: number | null,
): { n: number; final: boolean; dueOn: string }[] {
  if (!everyMonths || everyMonths < 1) return planSchedule(tranches, start, end);
  const dates: string[] = [];
  for (let k = 1; addMonths(start, k * everyMonths) <= end; k++)
    dates.push(addMonths(start, k * everyMonths));
  if (dates.length < Math.max(afterReport, 1)) return planSchedule(tranches, start, end);
  return [
    ...dates.map((dueOn, i) => ({ n: i + 1, final: false, dueOn })),
    { n: dates.length + 1, final: true, dueOn: addDays(end, FINAL_REPORT_DAYS) },
  ];
}

export interface PlannedActivity {
  kind: 'spot_check' | 'monitoring_visit';
  plannedOn: string;
}

/**
 * Assurance planned by risk at approval (ADR 0017): low, one spot check at mid-term; medium, two spot checks
 * at a third and two thirds of the period; high, a spot check before the second tranche (halfway to the
 * first progress report's due date) and a monitoring visit per tranche (each on the progress report that
 * releases it, the last tranches' on the last report). Sorted by date.
 */
export function planAssurance(
  level: 'low' | 'medium' | 'high',
  tranches: number,
  start: string,
  end: string,
  progressDue: readonly string[],
): PlannedActivity[] {
  const span = daysBetween(start, end);
  const at = (num: number, den: number) => addDays(start, Math.floor((span * num) / den));
  if (level === 'low') return [{ kind: 'spot_check', plannedOn: at(1, 2) }];
  if (level === 'medium')
    return [
      { kind: 'spot_check', plannedOn: at(1, 3) },
      { kind: 'spot_check', plannedOn: at(2, 3) },
    ];
  const first = progressDue[0] ?? end;
  const visits = Array.from({ length: tranches }, (_, i) => ({
    kind: 'monitoring_visit' as const,
    plannedOn: progressDue[Math.min(i, progressDue.length - 1)] ?? at(i + 1, tranches + 1),
  }));
  const spot = {
    kind: 'spot_check' as const,
    plannedOn: addDays(start, Math.floor(daysBetween(start, first) / 2)),
  };
  return [spot, ...visits].sort((a, b) =>
    a.plannedOn < b.plannedOn ? -1 : a.plannedOn > b.plannedOn ? 1 : 0,
  );
}

/** The grant's budget from the application's lines, scaled to the award by largest remainder. */
export function scaleBudget(
  lines: readonly { label: string; amount: number }[],
  award: number,
): BudgetLine[] {
  if (!lines.length) return [{ n: 1, label: 'Total', amount: award }];
  const amounts = allocate(
    award,
    lines.map((l) => l.amount),
  );
  return lines.map((l, i) => ({ n: i + 1, label: l.label, amount: amounts[i] }));
}

/** What is wrong with a set of moves against the current budget (empty when they fit). */
export function moveProblems(lines: readonly BudgetLine[], moves: readonly BudgetMove[]): string[] {
  const byN = new Map(lines.map((l) => [l.n, { ...l }]));
  const problems: string[] = [];
  for (const m of moves) {
    const from = byN.get(m.from);
    const to = byN.get(m.to);
    if (!from) problems.push(`budget line ${m.from} does not exist`);
    if (!to) problems.push(`budget line ${m.to} does not exist`);
    if (m.from === m.to) problems.push(`a move needs two different lines (${m.from})`);
    if (!from || !to || m.from === m.to) continue;
    if (m.amount > from.amount) problems.push(`line ${m.from} has ${from.amount}, less than ${m.amount}`);
    from.amount -= m.amount;
    to.amount += m.amount;
  }
  return problems;
}

/** True when a move takes more than 20% of its source line (as it stands before the revision). */
export function needsApproval(lines: readonly BudgetLine[], moves: readonly BudgetMove[]): boolean {
  const byN = new Map(lines.map((l) => [l.n, l.amount]));
  const out = new Map<number, number>();
  for (const m of moves) out.set(m.from, (out.get(m.from) ?? 0) + m.amount);
  return [...out].some(([n, amount]) => amount * 100 > (byN.get(n) ?? 0) * MOVE_APPROVAL_PERCENT);
}

export function applyMoves(lines: readonly BudgetLine[], moves: readonly BudgetMove[]): BudgetLine[] {
  const out = lines.map((l) => ({ ...l }));
  for (const m of moves) {
    out.find((l) => l.n === m.from)!.amount -= m.amount;
    out.find((l) => l.n === m.to)!.amount += m.amount;
  }
  return out;
}

/** What cost extensions may still add: 30% of the original award less what they added or asked already. */
export function extensionRoom(originalAward: number, extendedBefore: number): number {
  return Math.floor((originalAward * COST_EXTENSION_PERCENT) / 100) - extendedBefore;
}

export interface OpenItem {
  kind: 'final_report' | 'tranche' | 'refund' | 'action_point' | 'audit' | 'amendment';
  id: string;
  detail: string;
}

export type ScheduleState = 'due' | 'overdue' | 'submitted' | 'sent_back' | 'accepted';

/** A schedule entry's state on a given day. */
export function scheduleState(
  e: { dueOn: string; reportStatus: 'submitted' | 'accepted' | 'returned' | null },
  today: string,
): ScheduleState {
  if (e.reportStatus === 'accepted') return 'accepted';
  if (e.reportStatus === 'submitted') return 'submitted';
  if (e.reportStatus === 'returned') return 'sent_back';
  return today > e.dueOn ? 'overdue' : 'due';
}
