import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { ContributionGroup, ContributionGroupRow } from '../domain/contributions';
import { Period } from '../domain/period';

/** The SQL of each group key: the selected columns and what to group and order by. */
const GROUP_SQL: Record<ContributionGroup, { select: string[]; group: string[] }> = {
  donor: {
    select: [`c.donor_id AS "donorId"`, `d.name AS "donorName"`],
    group: ['c.donor_id', 'd.name'],
  },
  donorType: { select: [`d.type AS "donorType"`], group: ['d.type'] },
  year: {
    select: [`extract(year FROM c.received_at AT TIME ZONE 'UTC')::int AS "year"`],
    group: [`extract(year FROM c.received_at AT TIME ZONE 'UTC')::int`],
  },
};

type ContributionSumRow = Pick<ContributionGroupRow, 'donorId' | 'donorName' | 'donorType' | 'year'> & {
  amount: string;
  count: string;
};

export type ContributionSum = Omit<ContributionGroupRow, 'share'>;

function toContributionSum({ amount, count, ...keys }: ContributionSumRow): ContributionSum {
  return { ...keys, amount: minor(amount, 'amount'), count: minor(count, 'count') };
}

/**
 * The contributions report's read model, over the donors context's contributions and donors (reports
 * read other contexts' tables only here, aggregated, and never write them).
 */
@Injectable()
export class ContributionsReportRepository {
  /**
   * The fund's contributions that stand within the period, summed by the groups (one row without groups);
   * `total` is summed in bigint and read through the safe-integer helper.
   */
  async sums(
    em: EntityManager,
    fundId: string,
    groupBy: readonly ContributionGroup[],
    period: Period,
  ): Promise<{ rows: ContributionSum[]; total: number }> {
    const select = groupBy.flatMap((g) => GROUP_SQL[g].select);
    const group = groupBy.flatMap((g) => GROUP_SQL[g].group);
    const rows: ContributionSumRow[] = await em.query(
      `SELECT ${[...select, 'sum(c.usd_amount)::bigint AS amount', 'count(*) AS count'].join(', ')}
       FROM contributions c JOIN donors d ON d.id = c.donor_id
       WHERE c.fund_id = $1
         AND ($2::timestamptz IS NULL OR c.received_at >= $2) AND c.received_at <= $3
         AND (c.status = 'received' OR c.reversed_at > $3)
       ${group.length ? `GROUP BY ${group.join(', ')} ORDER BY ${group.join(', ')}` : 'HAVING count(*) > 0'}`,
      [fundId, period.from, period.to],
    );
    const total = minor(
      rows.reduce((t, r) => t + BigInt(r.amount), 0n),
      'total',
    );
    return { rows: rows.map(toContributionSum), total };
  }
}
