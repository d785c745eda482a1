import { TrancheSpec } from '@app/grants';
import { PlannedCall } from '../demo-plan';
import { catchUp } from './catch-up';
import { at, DemoContext, Submitted } from './context';
import { decide } from './decide';
import { grantReports } from './grant-reports';
import { intake } from './intake';
import { signAndPay } from './sign-and-pay';

const SCHEDULE_2011: TrancheSpec[] = [
  { percent: 50, condition: 'on_signature' },
  { percent: 30, condition: 'after_report' },
  { percent: 20, condition: 'after_report' },
];

/** The 2011 call: 14 grants on three tranches, with the reports for 2012 and 2013 (2014's come later). */
export async function call2011(ctx: DemoContext, plan: PlannedCall): Promise<Submitted[]> {
  const c2011 = await intake(ctx, plan, {
    create: '2011-03-01',
    open: '2011-03-15',
    deadline: '2011-06-30',
    close: '2011-07-01',
    screen: '2011-07-11',
    assign: '2011-08-01',
  });
  await catchUp(ctx, '2011-12-01');
  at(ctx, '2011-12-01');
  for (const s of c2011.submitted.filter((x) => x.plan.outcome !== 'ineligible'))
    await decide(ctx, s, SCHEDULE_2011);
  const funded = c2011.submitted.filter((s) => s.grantId);
  ctx.log(`2011 call: ${c2011.submitted.length} applications, ${funded.length} grants`);
  await catchUp(ctx, '2012-01-10');
  await signAndPay(ctx, funded, '2012-01-10', '2012-01-20');
  await catchUp(ctx, '2013-01-15');
  await grantReports(ctx, funded, '2012-12-31', {
    submit: '2013-01-15',
    accept: '2013-02-01',
    pay: '2013-02-15',
    tranche: 2,
  });
  await catchUp(ctx, '2014-01-15');
  await grantReports(ctx, funded, '2013-12-31', {
    submit: '2014-01-15',
    accept: '2014-02-03',
    pay: '2014-02-17',
    tranche: 3,
  });
  return funded;
}
