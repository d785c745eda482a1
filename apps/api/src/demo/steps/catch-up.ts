import { at, DemoContext } from './context';

/**
 * Money in and fund-level costs, replayed in date order up to (not including) `before`: a cost goes first
 * on a day that also has a contribution.
 */
export async function catchUp(ctx: DemoContext, before: string): Promise<void> {
  const { moneyIn, costs } = ctx;
  const costDue = () =>
    costs.length > 0 && costs[0].day < before && (!moneyIn.length || costs[0].day <= moneyIn[0].day);
  while ((moneyIn.length && moneyIn[0].day < before) || costDue()) {
    if (costDue()) {
      const c = costs.shift()!;
      at(ctx, c.day);
      await ctx.s.funds.addCost(
        ctx.fund.id,
        { amount: c.amount, description: c.description, incurredAt: c.day },
        ctx.finance,
      );
    } else {
      const c = moneyIn.shift()!;
      at(ctx, c.day);
      await ctx.s.contributions.receive(
        {
          donorId: c.type === 'member_state' ? ctx.memberStateIds[c.donor] : ctx.privateIds[c.donor],
          fundId: ctx.fund.id,
          amount: c.amount,
          currency: 'USD',
          receivedAt: c.day,
        },
        ctx.finance,
      );
    }
  }
}
