import type { RiskLevel, TermTranche } from '@app/core';

/** The capacity assessment's questions and weights (sum 100); each answer scores 0 (none) to 4 (strong). */
export const CAPACITY_QUESTIONS = [
  { key: 'governance', weight: 20 },
  { key: 'financial_management', weight: 25 },
  { key: 'internal_control', weight: 15 },
  { key: 'procurement', weight: 10 },
  { key: 'human_resources', weight: 10 },
  { key: 'psea', weight: 10 },
  { key: 'reporting', weight: 10 },
] as const;

export type QuestionKey = (typeof CAPACITY_QUESTIONS)[number]['key'];
export const MAX_ANSWER = 4;

export type RiskRating = RiskLevel | 'not_eligible';

/** The weighted score, 0..100 (rounded half up in integers: weight x answer x 100 / (4 x 100)). */
export function capacityScore(answers: Readonly<Record<string, number>>): number {
  const sum = CAPACITY_QUESTIONS.reduce((s, q) => s + q.weight * (answers[q.key] ?? 0), 0);
  return Math.floor((sum * 100 + (MAX_ANSWER * 100) / 2) / (MAX_ANSWER * 100));
}

export interface Thresholds {
  lowMin: number;
  mediumMin: number;
  highMin: number;
}

/** A higher capacity is a lower risk: at or above lowMin is low, ..., below highMin not eligible. */
export function ratingOf(score: number, t: Thresholds): RiskRating {
  if (score >= t.lowMin) return 'low';
  if (score >= t.mediumMin) return 'medium';
  if (score >= t.highMin) return 'high';
  return 'not_eligible';
}

/** The default tranche schedule by risk level (issue 17). */
export const SCHEDULE_BY_RISK: Record<RiskLevel, TermTranche[]> = {
  low: [
    { percent: 60, condition: 'on_signature' },
    { percent: 40, condition: 'after_report' },
  ],
  medium: [
    { percent: 40, condition: 'on_signature' },
    { percent: 30, condition: 'after_report' },
    { percent: 30, condition: 'after_report' },
  ],
  high: [
    { percent: 25, condition: 'after_report' },
    { percent: 25, condition: 'after_report' },
    { percent: 25, condition: 'after_report' },
    { percent: 25, condition: 'after_report' },
  ],
};
