import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A recorded exchange rate (units of the currency per 1 USD, as PostgreSQL's numeric text). */
export interface ExchangeRate {
  id: string;
  currency: string;
  rate: string;
  effectiveFrom: string;
  createdAt: Date;
  supersededBy: string | null;
  supersededAt: Date | null;
  supersededReason: string | null;
}

interface RateRow {
  id: string;
  currency: string;
  rate: string;
  effective_from: string;
  created_at: Date;
  superseded_by: string | null;
  superseded_at: Date | null;
  superseded_reason: string | null;
}

const toExchangeRate = (r: RateRow): ExchangeRate => ({
  id: r.id,
  currency: r.currency,
  rate: r.rate,
  effectiveFrom: r.effective_from,
  createdAt: r.created_at,
  supersededBy: r.superseded_by,
  supersededAt: r.superseded_at,
  supersededReason: r.superseded_reason,
});

/** The rate in force on a day, with how many days before that day it took effect. */
export interface RateInForce {
  rate: string;
  effectiveFrom: string;
  ageDays: number;
}

const RATE_COLUMNS = `id, currency, rate::text AS rate, to_char(effective_from, 'YYYY-MM-DD') AS effective_from,
  created_at, superseded_by, superseded_at, superseded_reason`;

/** SQL of the exchange rates (funds context): recorded, superseded, looked up for a day. */
@Injectable()
export class ExchangeRatesRepository {
  async insert(
    em: EntityManager,
    r: { id?: string; currency: string; rate: string; effectiveFrom: string; createdBy: string | null },
  ): Promise<ExchangeRate> {
    const [row]: RateRow[] = await em.query(
      `INSERT INTO exchange_rates (id, currency, rate, effective_from, created_by)
       VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5) RETURNING ${RATE_COLUMNS}`,
      [r.id ?? null, r.currency, r.rate, r.effectiveFrom, r.createdBy],
    );
    return toExchangeRate(row);
  }

  /** Newest recorded first, superseded rates included (marked by `superseded_by`). */
  async list(
    em: EntityManager,
    currency: string | null,
    after: { at: Date | string; id: string } | null,
    limit: number,
  ): Promise<ExchangeRate[]> {
    const rows: RateRow[] = await em.query(
      `SELECT ${RATE_COLUMNS} FROM exchange_rates
       WHERE ($1::text IS NULL OR currency = $1)
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [currency, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map(toExchangeRate);
  }

  async lock(em: EntityManager, id: string): Promise<ExchangeRate | undefined> {
    const [row]: RateRow[] = await em.query(
      `SELECT ${RATE_COLUMNS} FROM exchange_rates WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row && toExchangeRate(row);
  }

  async markSuperseded(em: EntityManager, id: string, by: string, at: Date, reason: string): Promise<void> {
    await em.query(
      `UPDATE exchange_rates SET superseded_by = $2, superseded_at = $3, superseded_reason = $4 WHERE id = $1`,
      [id, by, at, reason],
    );
  }

  /** The current (not superseded) rate that took effect last on or before `day`, if any. */
  async inForce(em: EntityManager, currency: string, day: string): Promise<RateInForce | undefined> {
    const [row]: { rate: string; effective_from: string; age_days: number }[] = await em.query(
      `SELECT rate::text AS rate, to_char(effective_from, 'YYYY-MM-DD') AS effective_from,
              ($2::date - effective_from)::int AS age_days
       FROM exchange_rates WHERE currency = $1 AND effective_from <= $2::date AND superseded_by IS NULL
       ORDER BY effective_from DESC LIMIT 1`,
      [currency, day],
    );
    return row && { rate: row.rate, effectiveFrom: row.effective_from, ageDays: row.age_days };
  }

  /** How old (in days) the newest rate may be for a contribution to this fund without its own rate. */
  async maxRateAgeDays(em: EntityManager, fundId: string): Promise<number | undefined> {
    const [row]: { rate_max_age_days: number }[] = await em.query(
      `SELECT rate_max_age_days FROM funds WHERE id = $1`,
      [fundId],
    );
    return row?.rate_max_age_days;
  }
}
