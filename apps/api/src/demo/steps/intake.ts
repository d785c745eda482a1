import { PlannedCall } from '../demo-plan';
import { applications } from './applications';
import { DemoContext, Submitted } from './context';
import { CallDates, openCall } from './open-call';
import { reviews } from './reviews';
import { closeAndScreen } from './screening';

/** The intake of one call: opened, applied to, closed, screened and reviewed. */
export async function intake(
  ctx: DemoContext,
  plan: PlannedCall,
  dates: CallDates,
): Promise<{ callId: string; submitted: Submitted[] }> {
  const callId = await openCall(ctx, plan, dates);
  const submitted = await applications(ctx, callId, plan, dates);
  await closeAndScreen(ctx, callId, submitted, dates);
  await reviews(ctx, submitted, dates);
  return { callId, submitted };
}
