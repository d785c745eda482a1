import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export interface OpenCall {
  id: string;
  fundId: string;
  title: string;
  description: string;
  themes: string[];
  eligibleCountries: string[];
  minAward: number;
  maxAward: number;
  currency: string;
  deadline: Date;
  openedAt: Date | null;
  updatedAt: Date;
}

interface OpenCallRow {
  id: string;
  fund_id: string;
  title: string;
  description: string;
  themes: string[];
  eligible_countries: string[];
  min_award: string;
  max_award: string;
  currency: string;
  deadline: Date;
  opened_at: Date | null;
  updated_at: Date;
}

const OPEN_CALL_COLUMNS = `id, fund_id, title, description, themes, eligible_countries, min_award, max_award,
  currency, deadline, opened_at, updated_at`;

export interface DonorYearSum {
  year: number;
  donorName: string;
  donorType: 'member_state' | 'private';
  publicConsent: boolean;
  usdAmount: number;
}

interface DonorYearRow {
  year: number;
  name: string;
  type: 'member_state' | 'private';
  public_consent: boolean;
  total: string;
}

/**
 * The public feeds' read model over the calls' and donors' tables (and the open-data context's own donor
 * consent): read, aggregated, never written, like the reports' repositories.
 */
@Injectable()
export class FeedsRepository {
  /** Calls open for applications now (status `open`), soonest deadline first; in one fund or all. */
  async openCalls(em: EntityManager, fundId: string | null): Promise<OpenCall[]> {
    const rows: OpenCallRow[] = await em.query(
      `SELECT ${OPEN_CALL_COLUMNS} FROM calls WHERE status = 'open' AND ($1::uuid IS NULL OR fund_id = $1)
       ORDER BY deadline, id`,
      [fundId],
    );
    return rows.map((r) => ({
      id: r.id,
      fundId: r.fund_id,
      title: r.title,
      description: r.description,
      themes: r.themes,
      eligibleCountries: r.eligible_countries,
      minAward: minor(r.min_award, 'minAward'),
      maxAward: minor(r.max_award, 'maxAward'),
      currency: r.currency,
      deadline: r.deadline,
      openedAt: r.opened_at,
      updatedAt: r.updated_at,
    }));
  }

  /**
   * Contributions received (reversals left out) by donor and year of receipt, in USD minor units, with
   * each donor's consent to be named; in one fund or all.
   */
  async contributionsByDonorYear(em: EntityManager, fundId: string | null): Promise<DonorYearSum[]> {
    const rows: DonorYearRow[] = await em.query(
      `SELECT extract(year FROM c.received_at AT TIME ZONE 'UTC')::int AS year, d.name, d.type,
              coalesce(k.public_consent, false) AS public_consent, sum(c.usd_amount)::bigint AS total
       FROM contributions c JOIN donors d ON d.id = c.donor_id
       LEFT JOIN open_data_donor_consent k ON k.donor_id = d.id
       WHERE c.status = 'received' AND ($1::uuid IS NULL OR c.fund_id = $1)
       GROUP BY 1, d.id, d.name, d.type, k.public_consent ORDER BY 1, d.name`,
      [fundId],
    );
    return rows.map((r) => ({
      year: r.year,
      donorName: r.name,
      donorType: r.type,
      publicConsent: r.public_consent,
      usdAmount: minor(r.total, 'contributions'),
    }));
  }
}
