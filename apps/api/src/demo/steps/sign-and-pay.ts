import { at, DemoContext, Submitted } from './context';

/** The grants are signed on one day and their first tranche paid on another. */
export async function signAndPay(
  ctx: DemoContext,
  list: Submitted[],
  sign: string,
  pay: string,
): Promise<void> {
  const { agreements, disbursements } = ctx.s;
  at(ctx, sign);
  for (const s of list) await agreements.sign(s.grantId!, ctx.fm);
  at(ctx, pay);
  for (const s of list)
    await disbursements.disburse(s.grantId!, 1, { reference: `PAY-${pay}`, effectiveAt: pay }, ctx.finance);
}
