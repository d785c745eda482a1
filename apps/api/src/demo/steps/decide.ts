import { TrancheSpec } from '@app/grants';
import { DemoContext, Submitted } from './context';

/** The fund manager's decision on one reviewed application: a grant on the planned schedule, or a rejection. */
export async function decide(ctx: DemoContext, s: Submitted, schedule: TrancheSpec[]): Promise<void> {
  const { decisions } = ctx.s;
  if (s.plan.outcome === 'approve') {
    const d = await decisions.decide(
      s.applicationId,
      {
        decision: 'approve',
        amount: s.plan.requested,
        tranches: schedule,
        note: 'Approved on the ranking',
      },
      ctx.fm,
    );
    s.grantId = d.grantId!;
  } else {
    await decisions.decide(
      s.applicationId,
      { decision: 'reject', note: 'Below the funding line of the ranking' },
      ctx.fm,
    );
  }
}
