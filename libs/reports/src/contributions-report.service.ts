import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, minor } from '@app/core';
import { FundsService } from '@app/funds';
import {
  ContributionGroup,
  ContributionGroupRow,
  ContributionsReport,
  GROUP_SQL,
} from './domain/contributions';
import { Period } from './domain/period';

/**
 * Contributions by donor, donor type and year, in the fund's currency (`usd_amount`).
 *
 * Reversals are netted the way the ledger nets them: a contribution received within the period counts
 * unless it was reversed by the period's end (`status = 'received'` or `reversed_at > to`). So a report
 * from the beginning to a date totals exactly the balance's `received` as of that date, and a group holds
 * only contributions that stand; one whose contributions were all reversed is not listed.
 */
@Injectable()
export class ContributionsReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funds: FundsService,
  ) {}

  async report(
    fundId: string,
    groupBy: readonly ContributionGroup[],
    period: Period,
    actor: Actor,
  ): Promise<ContributionsReport> {
    const fund = await this.funds.get(fundId, actor);
    const select = groupBy.flatMap((g) => GROUP_SQL[g].select);
    const group = groupBy.flatMap((g) => GROUP_SQL[g].group);
    const rows: (Record<string, unknown> & { amount: string; count: number })[] = await this.dataSource.query(
      `SELECT ${[...select, 'sum(c.usd_amount)::bigint AS amount', 'count(*)::int AS count'].join(', ')}
       FROM contributions c JOIN donors d ON d.id = c.donor_id
       WHERE c.fund_id = $1
         AND ($2::timestamptz IS NULL OR c.received_at >= $2) AND c.received_at <= $3
         AND (c.status = 'received' OR c.reversed_at > $3)
       ${group.length ? `GROUP BY ${group.join(', ')} ORDER BY ${group.join(', ')}` : 'HAVING count(*) > 0'}`,
      [fundId, period.from, period.to],
    );
    // The total is summed in bigint and read through the safe-integer helper; shares divide exact integers.
    const total = minor(
      rows.reduce((t, r) => t + BigInt(r.amount), 0n),
      'total',
    );
    const items: ContributionGroupRow[] = rows.map((r) => ({
      ...r,
      amount: minor(r.amount),
      count: r.count,
      share: total > 0 ? minor(r.amount) / total : 0,
    }));
    return {
      fundId,
      currency: fund.currency,
      from: period.from ? period.from.toISOString() : null,
      to: period.to.toISOString(),
      groupBy: [...groupBy],
      items,
      total,
      count: items.reduce((t, r) => t + r.count, 0),
    };
  }
}
