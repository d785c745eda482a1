import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { FundView } from '../dto/funds.dto';

export interface NewFund {
  code: string;
  name: string;
  currency: string;
  newCallTarget: number;
  pscRateBps: number;
  rateMaxAgeDays: number;
  createdAt: Date;
}

export interface NewCost {
  fundId: string;
  amount: number;
  description: string;
  incurredAt: Date;
  createdBy: string | null;
}

export interface CostRow {
  id: string;
  amount: string;
  description: string;
  incurred_at: Date;
  created_at: Date;
  created_by: string | null;
}

interface FundRow {
  id: string;
  code: string;
  name: string;
  currency: string;
  new_call_target: string;
  psc_rate_bps: number;
  rate_max_age_days: number;
  created_at: Date;
  has_logo: boolean;
}

const FUND_COLUMNS = `id, code, name, currency, new_call_target, psc_rate_bps, rate_max_age_days, created_at,
  EXISTS (SELECT 1 FROM fund_logos l WHERE l.fund_id = funds.id) AS has_logo`;

export function toFundView(r: FundRow): FundView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    currency: r.currency,
    newCallTarget: minor(r.new_call_target, 'newCallTarget'),
    pscRateBps: r.psc_rate_bps,
    rateMaxAgeDays: r.rate_max_age_days,
    createdAt: r.created_at,
    hasLogo: r.has_logo,
  };
}

/** SQL of the funds and their fund-level costs (funds context). */
@Injectable()
export class FundsRepository {
  async insert(em: EntityManager, f: NewFund): Promise<FundView> {
    const [row]: FundRow[] = await em.query(
      `INSERT INTO funds (code, name, currency, new_call_target, psc_rate_bps, rate_max_age_days, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${FUND_COLUMNS}`,
      [f.code, f.name, f.currency, f.newCallTarget, f.pscRateBps, f.rateMaxAgeDays, f.createdAt],
    );
    return toFundView(row);
  }

  /** Every fund, by code. */
  async list(em: EntityManager): Promise<FundView[]> {
    const rows: FundRow[] = await em.query(`SELECT ${FUND_COLUMNS} FROM funds ORDER BY code`);
    return rows.map(toFundView);
  }

  async byId(em: EntityManager, id: string): Promise<FundView | undefined> {
    const [row]: FundRow[] = await em.query(`SELECT ${FUND_COLUMNS} FROM funds WHERE id = $1`, [id]);
    return row && toFundView(row);
  }

  /** A fund's costs, the latest incurred first, after a keyset position (incurred_at, id). */
  async listCosts(
    em: EntityManager,
    fundId: string,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<CostRow[]> {
    return em.query(
      `SELECT id, amount, description, incurred_at, created_at, created_by FROM fund_costs
       WHERE fund_id = $1 AND ($2::timestamptz IS NULL OR (incurred_at, id) < ($2, $3::uuid))
       ORDER BY incurred_at DESC, id DESC LIMIT $4`,
      [fundId, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  /** Records a fund-level cost; returns its id. */
  async insertCost(em: EntityManager, c: NewCost): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO fund_costs (fund_id, amount, description, incurred_at, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [c.fundId, c.amount, c.description, c.incurredAt, c.createdBy],
    );
    return row.id;
  }
}
