import { PlannedCall, PROJECT_COUNTRIES, RUBRIC, SERVICES } from '../demo-plan';
import { catchUp } from './catch-up';
import { at, DemoContext } from './context';

export interface CallDates {
  create: string;
  open: string;
  deadline: string;
  close: string;
  screen: string;
  assign: string;
}

/** A call drafted, published and opened by the fund manager, with the money in up to each day. */
export async function openCall(ctx: DemoContext, plan: PlannedCall, dates: CallDates): Promise<string> {
  const { calls, callDrafts } = ctx.s;
  await catchUp(ctx, dates.create);
  at(ctx, dates.create);
  const call = await callDrafts.create(
    {
      fundId: ctx.fund.id,
      title: plan.title,
      description:
        'Grants to NGOs giving direct assistance to victims of trafficking in persons: shelter, ' +
        'psychological support, legal aid, education and vocational training, health care and small stipends.',
      themes: [...SERVICES],
      eligibleCountries: [...PROJECT_COUNTRIES],
      minAward: plan.minAward,
      maxAward: plan.maxAward,
      envelope: plan.envelope,
      deadline: `${dates.deadline}T23:59:59Z`,
      rubric: RUBRIC,
    },
    ctx.fm,
  );
  await calls.transition(call.id, 'publish', ctx.fm);
  await catchUp(ctx, dates.open);
  at(ctx, dates.open);
  await calls.transition(call.id, 'open', ctx.fm);
  return call.id;
}
