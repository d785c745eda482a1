import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { normalizeRate } from '@app/funds';
import { DonorType, DonorView, PledgeView } from '../dto/donors.dto';

const DONOR_COLUMNS = `id, name, type, country, created_at`;

export interface DonorRow {
  id: string;
  name: string;
  type: DonorType;
  country: string | null;
  created_at: Date;
}

export function toDonorView(r: DonorRow): DonorView {
  return { id: r.id, name: r.name, type: r.type, country: r.country, createdAt: r.created_at };
}

/** A pledge with what its received contributions settled of it. */
const PLEDGE_COLUMNS = `p.id, p.donor_id, p.fund_id, p.amount::bigint::text AS amount, p.currency,
  p.usd_amount::bigint::text AS usd_amount, p.usd_rate::text, to_char(p.expected_at, 'YYYY-MM-DD') AS expected_at,
  p.created_at,
  coalesce((SELECT sum(c.usd_amount) FROM contributions c WHERE c.pledge_id = p.id AND c.status = 'received'), 0)
    ::bigint::text AS settled`;

export interface PledgeRow {
  id: string;
  donor_id: string;
  fund_id: string;
  amount: string;
  currency: string;
  usd_amount: string;
  usd_rate: string | null;
  expected_at: string;
  created_at: Date;
  settled: string;
}

export function toPledgeView(r: PledgeRow): PledgeView {
  const usdAmount = minor(r.usd_amount, 'usdAmount');
  const settled = minor(r.settled, 'settled');
  return {
    id: r.id,
    donorId: r.donor_id,
    fundId: r.fund_id,
    amount: minor(r.amount),
    currency: r.currency,
    usdAmount,
    usdRate: r.usd_rate === null ? null : normalizeRate(r.usd_rate),
    expectedAt: r.expected_at,
    settled,
    outstanding: Math.max(usdAmount - settled, 0),
    createdAt: r.created_at,
  };
}

export interface NewPledge {
  donorId: string;
  fundId: string;
  amount: number;
  currency: string;
  usdAmount: number;
  usdRate: string | null;
  expectedAt: string;
  createdAt: Date;
  createdBy: string | null;
}

export interface PledgeFilter {
  donorId: string | null;
  fundId: string | null;
  fundIds: readonly string[] | null;
  cursor: { at: string | Date; id: string } | null;
  limit: number;
}

/** SQL of the donors context's `donors` and `pledges` tables. */
@Injectable()
export class DonorsRepository {
  async insert(
    em: EntityManager,
    d: { name: string; type: DonorType; country: string | null },
  ): Promise<DonorView> {
    const [row]: DonorRow[] = await em.query(
      `INSERT INTO donors (name, type, country) VALUES ($1, $2, $3) RETURNING ${DONOR_COLUMNS}`,
      [d.name, d.type, d.country],
    );
    return toDonorView(row);
  }

  async exists(em: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM donors WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async findById(em: EntityManager, id: string): Promise<DonorView | undefined> {
    const [row]: DonorRow[] = await em.query(`SELECT ${DONOR_COLUMNS} FROM donors WHERE id = $1`, [id]);
    return row && toDonorView(row);
  }

  /** Newest first, a keyset page. */
  async list(
    em: EntityManager,
    cursor: { at: string | Date; id: string } | null,
    limit: number,
  ): Promise<DonorView[]> {
    const rows: DonorRow[] = await em.query(
      `SELECT ${DONOR_COLUMNS} FROM donors WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1, $2::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [cursor?.at ?? null, cursor?.id ?? null, limit],
    );
    return rows.map(toDonorView);
  }

  async insertPledge(em: EntityManager, p: NewPledge): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO pledges (donor_id, fund_id, amount, currency, usd_amount, usd_rate, expected_at, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        p.donorId,
        p.fundId,
        p.amount,
        p.currency,
        p.usdAmount,
        p.usdRate,
        p.expectedAt,
        p.createdAt,
        p.createdBy,
      ],
    );
    return id;
  }

  async pledge(em: EntityManager, id: string): Promise<PledgeView | undefined> {
    const [row]: PledgeRow[] = await em.query(`SELECT ${PLEDGE_COLUMNS} FROM pledges p WHERE p.id = $1`, [
      id,
    ]);
    return row && toPledgeView(row);
  }

  /** SELECT ... FOR UPDATE of the pledge a contribution settles: its donor and fund. */
  async lockPledge(em: EntityManager, id: string): Promise<{ donorId: string; fundId: string } | undefined> {
    const [row]: { donor_id: string; fund_id: string }[] = await em.query(
      `SELECT donor_id, fund_id FROM pledges WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row && { donorId: row.donor_id, fundId: row.fund_id };
  }

  /** Newest first, a keyset page. */
  async pledges(em: EntityManager, f: PledgeFilter): Promise<PledgeView[]> {
    const rows: PledgeRow[] = await em.query(
      `SELECT ${PLEDGE_COLUMNS} FROM pledges p
       WHERE ($1::uuid IS NULL OR p.donor_id = $1) AND ($2::uuid IS NULL OR p.fund_id = $2)
         AND ($6::uuid[] IS NULL OR p.fund_id = ANY($6))
         AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3, $4::uuid))
       ORDER BY p.created_at DESC, p.id DESC LIMIT $5`,
      [f.donorId, f.fundId, f.cursor?.at ?? null, f.cursor?.id ?? null, f.limit, f.fundIds],
    );
    return rows.map(toPledgeView);
  }
}
