import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, canAccessFund, isStaff, NotFoundError, ReadDatabase } from '@app/core';
import { FundsService } from '@app/funds';
import { GrantGroup, GrantGroupRow, groupGrants, ImpactGroup } from './domain/grants-report';
import { PublicCount, publicCount, ROUNDING_BASE, SMALL_CELL_LIMIT } from './domain/small-cells';
import { GrantsReportRepository, ImpactSum } from './repositories/grants-report.repository';

export interface GrantsReport {
  fundId: string;
  currency: string;
  groupBy: GrantGroup[];
  items: GrantGroupRow[];
  total: Omit<GrantGroupRow, 'country' | 'service' | 'callId' | 'callTitle'>;
  /** The moment the figures are as of (the read database's snapshot; ADR 0015). */
  dataAsOf: string;
}

export type ImpactRow = ImpactSum;

export interface ImpactReport {
  fundId: string | null;
  groupBy: ImpactGroup[];
  items: ImpactRow[];
  total: number;
  dataAsOf: string;
}

export type PublicImpactRow = Omit<ImpactRow, 'victimsAssisted'> & { victimsAssisted: PublicCount };

export interface PublicImpactReport {
  fundId: string | null;
  groupBy: ImpactGroup[];
  items: PublicImpactRow[];
  total: PublicCount;
  suppression: { below: number; roundedTo: number };
  dataAsOf: string;
}

/**
 * Grants by country, service and call; victims assisted (accepted reports only) by year, service, country.
 * The figures are read on the read database (ADR 0015); access checks stay on the primary.
 */
@Injectable()
export class GrantsReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadDatabase,
    private readonly repo: GrantsReportRepository,
    private readonly funds: FundsService,
  ) {}

  async grants(fundId: string, groupBy: readonly GrantGroup[], actor: Actor): Promise<GrantsReport> {
    const fund = await this.funds.get(fundId, actor);
    const { value: facts, dataAsOf } = await this.reads.read((em) => this.repo.grantFacts(em, fundId));
    const [total] = groupGrants(facts, []);
    return {
      fundId,
      currency: fund.currency,
      groupBy: [...groupBy],
      items: groupGrants(facts, groupBy),
      total: total ?? { count: 0, committed: 0, disbursed: 0, returned: 0, outstanding: 0 },
      dataAsOf,
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
      await this.funds.getIn(this.dataSource.manager, fundId); // 404 when there is no such fund
      if (actor && isStaff(actor) && !canAccessFund(actor, fundId)) throw new NotFoundError('fund', fundId);
    }
    const limited = actor && isStaff(actor) && actor.fundIds.length ? actor.fundIds : null;
    const { value: items, dataAsOf } = await this.reads.read((em) =>
      this.repo.impact(em, fundId ?? null, limited, groupBy),
    );
    return {
      fundId: fundId ?? null,
      groupBy: [...groupBy],
      items,
      total: items.reduce((s, r) => s + r.victimsAssisted, 0),
      dataAsOf,
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
      dataAsOf: exact.dataAsOf,
    };
  }
}
