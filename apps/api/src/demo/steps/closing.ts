import { catchUp } from './catch-up';
import { DemoContext } from './context';

/** The money in up to the end of March 2016, which must be the plan's last entry; logs the closing figures. */
export async function closing(ctx: DemoContext): Promise<void> {
  await catchUp(ctx, '2016-04-01');
  if (ctx.moneyIn.length || ctx.costs.length) throw new Error('the demo plan has entries after March 2016');
  const b = await ctx.s.balance.asOf(ctx.fund.id, new Date('2016-03-31T23:59:59.999Z'));
  ctx.log(`as of 2016-03-31: received ${b.received / 100} USD, available ${b.available / 100} USD`);
}
