/**
 * Pure scoring rules (docs/domain.md, review): a review scores sum(weight x score / maxScore) over the rubric
 * (weights sum to 100, so 0-100); an application scores the mean of its submitted, non-conflicted reviews;
 * its spread is the highest minus the lowest; it is flagged when the spread exceeds a threshold.
 * Numbers stay unrounded until the output, which rounds to 2 decimals; the spread flag compares that
 * rounded spread, in whole hundredths, so what is flagged is what is shown.
 */
export interface Criterion {
  key: string;
  weight: number;
  maxScore: number;
}

export interface CriterionScore {
  criterion: string;
  score: number;
  comment: string;
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

export const DEFAULT_SPREAD_THRESHOLD = 20;

/** Every rubric criterion exactly once, integer scores in [0, maxScore], a comment each. */
export function scoreProblems(
  rubric: readonly Criterion[],
  scores: readonly CriterionScore[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const byKey = new Map(rubric.map((c) => [c.key, c]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const field = `scores.${i}`;
    const c = byKey.get(s.criterion);
    if (!c)
      out.push({
        field: `${field}.criterion`,
        messages: [`"${s.criterion}" is not a criterion of the rubric`],
      });
    else if (!Number.isInteger(s.score) || s.score < 0 || s.score > c.maxScore)
      out.push({ field: `${field}.score`, messages: [`score must be an integer from 0 to ${c.maxScore}`] });
    if (seen.has(s.criterion))
      out.push({ field: `${field}.criterion`, messages: [`"${s.criterion}" is scored twice`] });
    seen.add(s.criterion);
    if (!s.comment || !s.comment.trim())
      out.push({ field: `${field}.comment`, messages: ['a comment is required'] });
  });
  const missing = rubric.filter((c) => !seen.has(c.key)).map((c) => c.key);
  if (missing.length)
    out.push({
      field: 'scores',
      messages: [`every criterion must be scored; missing ${missing.join(', ')}`],
    });
  return out;
}

/** A review's score on 0-100, unrounded. Assumes `scoreProblems` found nothing. */
export function reviewScore(rubric: readonly Criterion[], scores: readonly CriterionScore[]): number {
  const byKey = new Map(scores.map((s) => [s.criterion, s.score]));
  return rubric.reduce((sum, c) => sum + (c.weight * (byKey.get(c.key) ?? 0)) / c.maxScore, 0);
}

export interface RankingItem {
  applicationId: string;
  score: number | null;
  reviewerCount: number;
  spread: number | null;
  flagged: boolean;
}

/** A score in whole hundredths (half away from zero): the figure shown, as an integer to compare exactly. */
export function hundredths(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100);
}

export function round2(x: number): number {
  return hundredths(x) / 100;
}

/**
 * The ranking of a call: `reviews` are the review scores of SUBMITTED, non-conflicted assignments per
 * application. Best first; applications without reviews last (score null); ties by application id so the
 * order is stable.
 */
export function rank(
  applicationIds: readonly string[],
  reviews: ReadonlyMap<string, readonly number[]>,
  threshold = DEFAULT_SPREAD_THRESHOLD,
): RankingItem[] {
  const rows = applicationIds.map((applicationId) => {
    const scores = reviews.get(applicationId) ?? [];
    if (!scores.length) return { applicationId, score: null, spread: null, reviewerCount: 0 };
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    return {
      applicationId,
      score: mean,
      spread: Math.max(...scores) - Math.min(...scores),
      reviewerCount: scores.length,
    };
  });
  rows.sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score !== b.score) return a.score === null ? 1 : -1;
    } else if (a.score !== b.score) return b.score - a.score;
    return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  });
  // The flag compares the spread as shown (whole hundredths) with the threshold in hundredths: integers.
  const limit = hundredths(threshold);
  return rows.map((r) => {
    const spread = r.spread === null ? null : hundredths(r.spread);
    return {
      applicationId: r.applicationId,
      score: r.score === null ? null : round2(r.score),
      reviewerCount: r.reviewerCount,
      spread: spread === null ? null : spread / 100,
      flagged: spread !== null && spread > limit,
    };
  });
}
