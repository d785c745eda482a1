import { victimsFor } from '../demo-plan';
import { at, DemoContext, Submitted } from './context';

export interface ReportDates {
  submit: string;
  accept: string;
  pay?: string;
  tranche?: number;
}

/**
 * Each grantee reports on a period (spending and victims assisted, counts drawn from the shared sequence),
 * the fund manager accepts the reports, and the next tranche is paid when one is due.
 */
export async function grantReports(
  ctx: DemoContext,
  list: Submitted[],
  periodEnd: string,
  dates: ReportDates,
  final = false,
): Promise<void> {
  const { grantReports, disbursements } = ctx.s;
  const counts = victimsFor(
    ctx.rnd,
    list.map((s) => s.plan),
  );
  const reportIds: string[] = [];
  at(ctx, dates.submit);
  for (const [i, s] of list.entries()) {
    const r = await grantReports.submitReport(
      s.grantId!,
      {
        periodEnd,
        spent: Math.floor((s.plan.requested * 3) / 10 / 100) * 100,
        narrative: `Activities to ${periodEnd}: survivors received ${s.plan.services.join(', ')}.`,
        final,
        victimsAssisted: s.plan.services.map((service, k) => ({
          service,
          country: s.plan.country,
          count: counts[i][k],
        })),
      },
      s.ngo,
    );
    reportIds.push(r.id);
  }
  at(ctx, dates.accept);
  for (const [i, s] of list.entries())
    await grantReports.decideReport(s.grantId!, reportIds[i], true, { comment: 'Accepted' }, ctx.fm);
  if (dates.pay && dates.tranche) {
    at(ctx, dates.pay);
    for (const s of list)
      await disbursements.disburse(
        s.grantId!,
        dates.tranche,
        { reference: `PAY-${dates.pay}`, effectiveAt: dates.pay },
        ctx.finance,
      );
  }
}
