import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, canAccessFund, isStaff, minor, NotFoundError } from '@app/core';
import { FundsService } from '@app/funds';
import { GrantFacts, GrantGroup, GrantGroupRow, groupGrants, ImpactGroup } from './domain/grants-report';
import { PublicCount, publicCount, ROUNDING_BASE, SMALL_CELL_LIMIT } from './domain/small-cells';

export interface GrantsReport {
  fundId: string;
  currency: string;
  groupBy: GrantGroup[];
  items: GrantGroupRow[];
  total: Omit<GrantGroupRow, 'country' | 'service' | 'callId' | 'callTitle'>;
}

export interface ImpactRow {
  year?: number;
  service?: string;
  country?: string;
  victimsAssisted: number;
}

export interface ImpactReport {
  fundId: string | null;
  groupBy: ImpactGroup[];
  items: ImpactRow[];
  total: number;
}

export type PublicImpactRow = Omit<ImpactRow, 'victimsAssisted'> & { victimsAssisted: PublicCount };

export interface PublicImpactReport {
  fundId: string | null;
  groupBy: ImpactGroup[];
  items: PublicImpactRow[];
  total: PublicCount;
  suppression: { below: number; roundedTo: number };
}

const IMPACT_SQL: Record<ImpactGroup, { select: string; group: string }> = {
  year: { select: 'year AS "year"', group: 'year' },
  service: { select: 'service AS "service"', group: 'service' },
  country: { select: `trim(country) AS "country"`, group: 'country' },
};

/** Grants by country, service and call; victims assisted (accepted reports only) by year, service, country. */
@Injectable()
export class GrantsReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funds: FundsService,
  ) {}

  async grants(fundId: string, groupBy: readonly GrantGroup[], actor: Actor): Promise<GrantsReport> {
    const fund = await this.funds.get(fundId, actor);
    const rows: {
      id: string;
      call_id: string;
      call_title: string;
      countries: string[];
      services: string[];
      committed: string;
      paid: string;
      returned: string;
    }[] = await this.dataSource.query(
      `SELECT g.id, g.call_id, c.title AS call_title, g.countries, g.services,
              (g.amount - g.cancelled) AS committed, g.paid, g.returned
       FROM grants g JOIN calls c ON c.id = g.call_id WHERE g.fund_id = $1 ORDER BY g.id`,
      [fundId],
    );
    const facts: GrantFacts[] = rows.map((r) => ({
      id: r.id,
      callId: r.call_id,
      callTitle: r.call_title,
      countries: r.countries,
      services: r.services,
      committed: minor(r.committed, 'committed'),
      disbursed: minor(r.paid, 'disbursed'),
      returned: minor(r.returned, 'returned'),
    }));
    const [total] = groupGrants(facts, []);
    return {
      fundId,
      currency: fund.currency,
      groupBy: [...groupBy],
      items: groupGrants(facts, groupBy),
      total: total ?? { count: 0, committed: 0, disbursed: 0, returned: 0, outstanding: 0 },
    };
  }

  /**
   * Victims assisted from accepted reports. Aggregates only: no organization, grant or report is named,
   * so the same figures can be public. Staff limited to some funds see only those.
   */
  async impact(
    fundId: string | undefined,
    groupBy: readonly ImpactGroup[],
    actor: Actor | null,
  ): Promise<ImpactReport> {
    if (fundId) {
      const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM funds WHERE id = $1`, [fundId]);
      if (!exists.length || (actor && isStaff(actor) && !canAccessFund(actor, fundId))) {
        throw new NotFoundError('fund', fundId);
      }
    }
    const limited = actor && isStaff(actor) && actor.fundIds.length ? actor.fundIds : null;
    const select = groupBy.map((g) => IMPACT_SQL[g].select);
    const group = groupBy.map((g) => IMPACT_SQL[g].group);
    const rows: (ImpactRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${[...select, 'sum(count)::bigint AS total'].join(', ')} FROM victims_assisted
       WHERE ($1::uuid IS NULL OR fund_id = $1) AND ($2::uuid[] IS NULL OR fund_id = ANY($2))
       ${group.length ? `GROUP BY ${group.join(', ')} ORDER BY ${group.join(', ')}` : 'HAVING count(*) > 0'}`,
      [fundId ?? null, limited],
    );
    const items = rows.map(({ total, ...keys }) => ({ ...keys, victimsAssisted: Number(total) }));
    return {
      fundId: fundId ?? null,
      groupBy: [...groupBy],
      items,
      total: items.reduce((s, r) => s + r.victimsAssisted, 0),
    };
  }

  /** The public figures: the same aggregates with small cells suppressed and the rest rounded (small-cells.ts). */
  async publicImpact(
    fundId: string | undefined,
    groupBy: readonly ImpactGroup[],
  ): Promise<PublicImpactReport> {
    const exact = await this.impact(fundId, groupBy, null);
    return {
      fundId: exact.fundId,
      groupBy: exact.groupBy,
      items: exact.items.map((i) => ({ ...i, victimsAssisted: publicCount(i.victimsAssisted) })),
      total: publicCount(exact.total),
      suppression: { below: SMALL_CELL_LIMIT, roundedTo: ROUNDING_BASE },
    };
  }
}
