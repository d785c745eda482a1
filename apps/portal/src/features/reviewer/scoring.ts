import type { RubricCriterionDto } from '../../api/types.gen';

/** A reviewer's scoring as typed: per criterion key, the score (text) and the comment. */
export type ScoreForm = Record<string, { score: string; comment: string }>;

export function emptyScores(rubric: readonly RubricCriterionDto[]): ScoreForm {
  return Object.fromEntries(rubric.map((c) => [c.key, { score: '', comment: '' }]));
}

/** A criterion's score as typed, when it is a whole number from 0 to its maximum; else null. */
export function scoreOf(text: string, max: number): number | null {
  const s = text.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n <= max ? n : null;
}

/**
 * The running weighted total on 0-100, as docs/domain.md defines a review: sum(weight x score / maxScore)
 * over the criteria scored so far, rounded to hundredths for display.
 */
export function weightedTotal(rubric: readonly RubricCriterionDto[], form: ScoreForm): number {
  const sum = rubric.reduce((acc, c) => {
    const s = scoreOf(form[c.key]?.score ?? '', c.maxScore);
    return acc + (s === null ? 0 : (c.weight * s) / c.maxScore);
  }, 0);
  return Math.round(sum * 100) / 100;
}

/** The body of PUT /api/assignments/:id/scores once every criterion has a valid score and a comment. */
export function scoresPayload(
  rubric: readonly RubricCriterionDto[],
  form: ScoreForm,
): { scores: { criterion: string; score: number; comment: string }[] } | null {
  const scores = rubric.map((c) => ({
    criterion: c.key,
    score: scoreOf(form[c.key]?.score ?? '', c.maxScore),
    comment: (form[c.key]?.comment ?? '').trim(),
  }));
  if (scores.some((s) => s.score === null || s.comment === '')) return null;
  return { scores: scores.map((s) => ({ ...s, score: s.score! })) };
}

/** The form from scores the server holds (a draft saved earlier, or a submitted review). */
export function formFromScores(
  rubric: readonly RubricCriterionDto[],
  scores: readonly { criterion: string; score: number; comment: string }[] | null,
): ScoreForm {
  const form = emptyScores(rubric);
  for (const s of scores ?? []) form[s.criterion] = { score: String(s.score), comment: s.comment };
  return form;
}
