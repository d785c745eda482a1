import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { GrantFacts, ImpactGroup } from '../domain/grants-report';

interface GrantFactsRow {
  id: string;
  call_id: string;
  call_title: string;
  countries: string[];
  services: string[];
  committed: string;
  paid: string;
  returned: string;
}

const GRANT_FACTS_COLUMNS = `g.id, g.call_id, c.title AS call_title, g.countries, g.services,
  (g.amount - g.cancelled) AS committed, g.paid, g.returned`;

function toGrantFacts(r: GrantFactsRow): GrantFacts {
  return {
    id: r.id,
    callId: r.call_id,
    callTitle: r.call_title,
    countries: r.countries,
    services: r.services,
    committed: minor(r.committed, 'committed'),
    disbursed: minor(r.paid, 'disbursed'),
    returned: minor(r.returned, 'returned'),
  };
}

export interface ImpactSum {
  year?: number;
  service?: string;
  country?: string;
  victimsAssisted: number;
}

type ImpactSumRow = Omit<ImpactSum, 'victimsAssisted'> & { total: string };

function toImpactSum({ total, ...keys }: ImpactSumRow): ImpactSum {
  return { ...keys, victimsAssisted: minor(total, 'count') };
}

const IMPACT_SQL: Record<ImpactGroup, { select: string; group: string }> = {
  year: { select: 'year AS "year"', group: 'year' },
  service: { select: 'service AS "service"', group: 'service' },
  country: { select: `trim(country) AS "country"`, group: 'country' },
};

/**
 * The grants and impact reports' read model, over the grants context's tables and its victims_assisted
 * view (accepted reports only) and the calls' titles: read and aggregated only, never written.
 */
@Injectable()
export class GrantsReportRepository {
  /**
   * A fund's grants with their call's title and their money, in minor units. The call is joined on the fund
   * too (a grant's call is always its fund's), so the calls are read by the fund's index, never whole.
   */
  async grantFacts(em: EntityManager, fundId: string): Promise<GrantFacts[]> {
    const rows: GrantFactsRow[] = await em.query(
      `SELECT ${GRANT_FACTS_COLUMNS}
       FROM grants g JOIN calls c ON c.id = g.call_id AND c.fund_id = g.fund_id
       WHERE g.fund_id = $1 ORDER BY g.id`,
      [fundId],
    );
    return rows.map(toGrantFacts);
  }

  /**
   * Victims assisted summed by the groups (one row without groups, none when nothing is counted), in
   * one fund or those of `fundIds` (null: every fund).
   */
  async impact(
    em: EntityManager,
    fundId: string | null,
    fundIds: readonly string[] | null,
    groupBy: readonly ImpactGroup[],
  ): Promise<ImpactSum[]> {
    const select = groupBy.map((g) => IMPACT_SQL[g].select);
    const group = groupBy.map((g) => IMPACT_SQL[g].group);
    const rows: ImpactSumRow[] = await em.query(
      `SELECT ${[...select, 'sum(count)::bigint AS total'].join(', ')} FROM victims_assisted
       WHERE ($1::uuid IS NULL OR fund_id = $1) AND ($2::uuid[] IS NULL OR fund_id = ANY($2))
       ${group.length ? `GROUP BY ${group.join(', ')} ORDER BY ${group.join(', ')}` : 'HAVING count(*) > 0'}`,
      [fundId, fundIds],
    );
    return rows.map(toImpactSum);
  }
}
