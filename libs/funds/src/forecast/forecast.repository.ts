import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { DonorRecord, ForecastAnswer, ForecastInputs, ForecastStatus, ON_TIME_DAYS } from './domain/forecast';

export interface FundTerms {
  code: string;
  name: string;
  currency: string;
  target: number;
  pscRateBps: number;
}

export interface OpenPledge {
  pledgeId: string;
  donorId: string;
  outstanding: number;
  expectedAt: string;
}

export interface StoredForecast {
  fundId: string;
  computedAt: Date;
  status: ForecastStatus;
  expectedMonth: string | null;
  inputs: ForecastInputs;
  answer: ForecastAnswer;
  noticedStatus: ForecastStatus | null;
  noticedMonth: string | null;
}

interface StoredRow {
  fund_id: string;
  computed_at: Date;
  status: ForecastStatus;
  expected_month: string | null;
  inputs: ForecastInputs;
  answer: ForecastAnswer;
  noticed_status: ForecastStatus | null;
  noticed_month: string | null;
}

const STORED_COLUMNS = `fund_id, computed_at, status, expected_month, inputs, answer, noticed_status, noticed_month`;

const toStored = (r: StoredRow): StoredForecast => ({
  fundId: r.fund_id,
  computedAt: r.computed_at,
  status: r.status,
  expectedMonth: r.expected_month,
  inputs: r.inputs,
  answer: r.answer,
  noticedStatus: r.noticed_status,
  noticedMonth: r.noticed_month,
});

/** "Received by `at`": a contribution counts unless it was reversed by then. */
const RECEIVED_BY = `c.received_at <= $2 AND (c.status = 'received' OR c.reversed_at > $2)`;

/**
 * SQL of the forecast (funds context): the history it learns from, as of any moment (so a back-test can
 * ask what was known then), and the one stored forecast per fund. Like the balance's `pledged`, it reads
 * the donors context's pledges and contributions (donors depends on funds; see BalanceRepository).
 */
export class ForecastRepository {
  async terms(em: EntityManager, fundId: string): Promise<FundTerms | undefined> {
    const [row]: {
      code: string;
      name: string;
      currency: string;
      new_call_target: string;
      psc_rate_bps: number;
    }[] = await em.query(
      `SELECT code, name, currency, new_call_target, psc_rate_bps FROM funds WHERE id = $1`,
      [fundId],
    );
    return (
      row && {
        code: row.code,
        name: row.name,
        currency: row.currency,
        target: minor(row.new_call_target, 'target'),
        pscRateBps: row.psc_rate_bps,
      }
    );
  }

  /** The month (YYYY-MM) of the fund's first contribution received by `at`, or null. */
  async firstMonth(em: EntityManager, fundId: string, at: Date): Promise<string | null> {
    const [row]: { first: string | null }[] = await em.query(
      `SELECT to_char(min(c.received_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS first
       FROM contributions c WHERE c.fund_id = $1 AND ${RECEIVED_BY}`,
      [fundId, at],
    );
    return row?.first ?? null;
  }

  /** Unpledged contributions per calendar month from `fromMonth` up to (not including) `toMonth`. */
  async unpledgedByMonth(
    em: EntityManager,
    fundId: string,
    at: Date,
    fromMonth: string,
    toMonth: string,
  ): Promise<Map<string, number>> {
    const rows: { month: string; total: string }[] = await em.query(
      `SELECT to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, sum(c.usd_amount)::bigint AS total
       FROM contributions c
       WHERE c.fund_id = $1 AND c.pledge_id IS NULL AND ${RECEIVED_BY}
         AND c.received_at >= ($3 || '-01')::timestamp AT TIME ZONE 'UTC'
         AND c.received_at < ($4 || '-01')::timestamp AT TIME ZONE 'UTC'
       GROUP BY 1`,
      [fundId, at, fromMonth, toMonth],
    );
    return new Map(rows.map((r) => [r.month, minor(r.total, 'unpledged')]));
  }

  /** Fund-level costs (the ledger's costs account) from `fromMonth` up to (not including) `toMonth`. */
  async costsBetween(em: EntityManager, fundId: string, fromMonth: string, toMonth: string): Promise<number> {
    const [row]: { total: string | null }[] = await em.query(
      `SELECT sum(amount)::bigint AS total FROM ledger_entries
       WHERE fund_id = $1 AND account = 'costs'
         AND effective_at >= ($2 || '-01')::timestamp AT TIME ZONE 'UTC'
         AND effective_at < ($3 || '-01')::timestamp AT TIME ZONE 'UTC'`,
      [fundId, fromMonth, toMonth],
    );
    return minor(row?.total, 'costs');
  }

  /** The fund's pledges made by `at` with something still to come, and what is still to come. */
  async openPledges(em: EntityManager, fundId: string, at: Date): Promise<OpenPledge[]> {
    const rows: { id: string; donor_id: string; outstanding: string; expected_at: string }[] = await em.query(
      `SELECT p.id, p.donor_id, (p.usd_amount - coalesce(s.settled, 0))::bigint AS outstanding,
              to_char(p.expected_at, 'YYYY-MM-DD') AS expected_at
       FROM pledges p
       LEFT JOIN LATERAL (
         SELECT sum(c.usd_amount) AS settled FROM contributions c WHERE c.pledge_id = p.id AND ${RECEIVED_BY}
       ) s ON true
       WHERE p.fund_id = $1 AND p.created_at <= $2 AND p.usd_amount > coalesce(s.settled, 0)
       ORDER BY p.expected_at, p.id`,
      [fundId, at],
    );
    return rows.map((r) => ({
      pledgeId: r.id,
      donorId: r.donor_id,
      outstanding: minor(r.outstanding, 'outstanding'),
      expectedAt: r.expected_at,
    }));
  }

  /**
   * Each donor's record of honouring pledges (to any fund) as known at `at`: the pledges whose expected
   * date plus the grace days had passed, and of those the ones fully received within them.
   */
  async donorRecords(em: EntityManager, donorIds: string[], at: Date): Promise<Map<string, DonorRecord>> {
    if (!donorIds.length) return new Map();
    const rows: { donor_id: string; due: number; kept: number }[] = await em.query(
      `SELECT p.donor_id, count(*)::int AS due,
              count(*) FILTER (WHERE coalesce(s.settled, 0) >= p.usd_amount)::int AS kept
       FROM pledges p
       LEFT JOIN LATERAL (
         SELECT sum(c.usd_amount) AS settled FROM contributions c
         WHERE c.pledge_id = p.id AND ${RECEIVED_BY}
           AND c.received_at < p.expected_at + ($3::int + 1) * interval '1 day'
       ) s ON true
       WHERE p.donor_id = ANY($1::uuid[]) AND p.created_at <= $2
         AND p.expected_at + ($3::int + 1) * interval '1 day' <= $2
       GROUP BY p.donor_id`,
      [donorIds, at, ON_TIME_DAYS],
    );
    return new Map(rows.map((r) => [r.donor_id, { due: r.due, kept: r.kept }]));
  }

  async stored(em: EntityManager, fundId: string): Promise<StoredForecast | undefined> {
    const [row]: StoredRow[] = await em.query(
      `SELECT ${STORED_COLUMNS} FROM fund_forecasts WHERE fund_id = $1`,
      [fundId],
    );
    return row && toStored(row);
  }

  /** Locks the fund's forecast row (creating an empty claim is not needed: the fund's id is the key). */
  async lock(em: EntityManager, fundId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('fund-forecast:' || $1))`, [fundId]);
  }

  async save(
    em: EntityManager,
    fundId: string,
    inputs: ForecastInputs,
    answer: ForecastAnswer,
    at: Date,
    noticed: { status: ForecastStatus; month: string | null } | null,
  ): Promise<void> {
    await em.query(
      `INSERT INTO fund_forecasts (fund_id, computed_at, as_of, status, expected_month, low_month, high_month,
                                   inputs, answer, noticed_status, noticed_month, noticed_at)
       VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $10::text IS NULL THEN NULL ELSE $2::timestamptz END)
       ON CONFLICT (fund_id) DO UPDATE SET
         computed_at = EXCLUDED.computed_at, as_of = EXCLUDED.as_of, status = EXCLUDED.status,
         expected_month = EXCLUDED.expected_month, low_month = EXCLUDED.low_month,
         high_month = EXCLUDED.high_month, inputs = EXCLUDED.inputs, answer = EXCLUDED.answer,
         noticed_status = coalesce(EXCLUDED.noticed_status, fund_forecasts.noticed_status),
         noticed_month = CASE WHEN EXCLUDED.noticed_status IS NULL THEN fund_forecasts.noticed_month
                              ELSE EXCLUDED.noticed_month END,
         noticed_at = coalesce(EXCLUDED.noticed_at, fund_forecasts.noticed_at)`,
      [
        fundId,
        at,
        inputs.asOf,
        answer.status,
        answer.expectedMonth,
        answer.lowMonth,
        answer.highMonth,
        JSON.stringify(inputs),
        JSON.stringify({ ...answer, series: answer.series }),
        noticed?.status ?? null,
        noticed?.month ?? null,
      ],
    );
  }
}
