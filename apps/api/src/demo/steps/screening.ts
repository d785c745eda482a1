import { catchUp } from './catch-up';
import { at, DemoContext, Submitted } from './context';
import { CallDates } from './open-call';

/** The call closes after its deadline and the fund manager screens every submitted application. */
export async function closeAndScreen(
  ctx: DemoContext,
  callId: string,
  submitted: Submitted[],
  dates: CallDates,
): Promise<void> {
  await catchUp(ctx, dates.close);
  at(ctx, dates.close);
  await ctx.s.calls.transition(callId, 'close', ctx.fm);
  at(ctx, dates.screen);
  for (const s of submitted) {
    const eligible = s.plan.outcome !== 'ineligible';
    await ctx.s.applications.screen(
      s.applicationId,
      {
        eligible,
        reason: eligible
          ? 'Registered NGO giving direct assistance; budget within the call'
          : 'The organization could not show two years of activity with victims of trafficking',
      },
      ctx.fm,
    );
  }
}
