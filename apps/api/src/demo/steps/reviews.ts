import { at, DemoContext, Submitted } from './context';
import { CallDates } from './open-call';

/**
 * Two reviewers per eligible application, in turn, score it against the rubric (good applications high,
 * the others low, drawn from the shared pseudo-random sequence) and submit their review.
 */
export async function reviews(ctx: DemoContext, submitted: Submitted[], dates: CallDates): Promise<void> {
  const { reviews: service } = ctx.s;
  const { reviewers, rnd } = ctx;
  at(ctx, dates.assign);
  const eligible = submitted.filter((s) => s.plan.outcome !== 'ineligible');
  for (const [i, s] of eligible.entries()) {
    for (const r of [reviewers[i % 3], reviewers[(i + 1) % 3]]) {
      const assignment = await service.assign(s.applicationId, r.userId!, ctx.fm);
      const good = s.plan.outcome === 'approve';
      const pick = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
      await service.score(
        assignment.id,
        {
          scores: [
            {
              criterion: 'relevance',
              score: good ? pick(7, 10) : pick(3, 6),
              comment: good ? 'Clear focus on identified victims' : 'Focus on prevention rather than victims',
            },
            {
              criterion: 'capacity',
              score: good ? pick(3, 5) : pick(2, 3),
              comment: good ? 'Experienced staff and partners' : 'Thin staffing for the activities',
            },
            {
              criterion: 'value',
              score: good ? pick(3, 5) : pick(1, 3),
              comment: good ? 'Reasonable unit costs' : 'High overheads',
            },
          ],
        },
        r,
      );
      await service.submit(assignment.id, r);
    }
  }
}
