import { applyBps } from '@app/core';
import { TrancheSpec } from '@app/grants';
import { FUND, PlannedCall } from '../demo-plan';
import { catchUp } from './catch-up';
import { at, DemoContext, Submitted } from './context';
import { decide } from './decide';
import { grantReports } from './grant-reports';
import { intake } from './intake';
import { signAndPay } from './sign-and-pay';

const SCHEDULE_2014: TrancheSpec[] = [
  { percent: 50, condition: 'on_signature' },
  { percent: 50, condition: 'after_report' },
];

/**
 * The 2014 call: 16 grants approved in two rounds as the money came in, with the 2011 grants' final
 * reports in between, up to the first reports of round A in early 2016.
 */
export async function call2014(ctx: DemoContext, plan: PlannedCall, funded2011: Submitted[]): Promise<void> {
  const { balance } = ctx.s;
  const c2014 = await intake(ctx, plan, {
    create: '2014-05-02',
    open: '2014-05-15',
    deadline: '2014-08-29',
    close: '2014-09-01',
    screen: '2014-09-10',
    assign: '2014-10-01',
  });
  await catchUp(ctx, '2015-01-15');
  await grantReports(ctx, funded2011, '2014-12-31', { submit: '2015-01-15', accept: '2015-02-02' }, true);

  await catchUp(ctx, '2015-03-16');
  at(ctx, '2015-03-16');
  const roundA: Submitted[] = [];
  for (const s of c2014.submitted.filter((x) => x.plan.outcome === 'approve')) {
    const { available } = await balance.now(ctx.fund.id, ctx.clock.now());
    const needed = s.plan.requested + applyBps(s.plan.requested, FUND.pscRateBps);
    if (available < needed) break;
    await decide(ctx, s, SCHEDULE_2014);
    roundA.push(s);
  }
  await catchUp(ctx, '2015-04-01');
  await signAndPay(ctx, roundA, '2015-04-01', '2015-04-15');

  await catchUp(ctx, '2015-11-30');
  at(ctx, '2015-11-30');
  const roundB = c2014.submitted.filter(
    (s) => s.plan.outcome !== 'ineligible' && !s.grantId && !roundA.includes(s),
  );
  for (const s of roundB) await decide(ctx, s, SCHEDULE_2014);
  const fundedB = roundB.filter((s) => s.grantId);
  ctx.log(`2014 call: ${c2014.submitted.length} applications, ${roundA.length + fundedB.length} grants`);
  await catchUp(ctx, '2015-12-07');
  await signAndPay(ctx, fundedB, '2015-12-07', '2015-12-14');
  await catchUp(ctx, '2016-01-20');
  await grantReports(ctx, roundA, '2015-12-31', {
    submit: '2016-01-20',
    accept: '2016-02-01',
    pay: '2016-03-01',
    tranche: 2,
  });
}
