import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { ContributionView } from '../dto/donors.dto';

const CONTRIBUTION_COLUMNS = `id, donor_id, fund_id, pledge_id, amount::bigint::text AS amount, currency,
  usd_rate::text, usd_amount::bigint::text AS usd_amount, received_at, receipt_number, status, reversed_at,
  reversal_reason, created_at`;

export interface ContributionRow {
  id: string;
  donor_id: string;
  fund_id: string;
  pledge_id: string | null;
  amount: string;
  currency: string;
  usd_rate: string | null;
  usd_amount: string;
  received_at: Date;
  receipt_number: string;
  status: 'received' | 'reversed';
  reversed_at: Date | null;
  reversal_reason: string | null;
  created_at: Date;
}

function rateText(rate: string | null): string | null {
  return rate === null ? null : rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

/** The one mapper of a contribution. */
export function toContributionView(r: ContributionRow): ContributionView {
  return {
    id: r.id,
    donorId: r.donor_id,
    fundId: r.fund_id,
    pledgeId: r.pledge_id,
    amount: minor(r.amount),
    currency: r.currency.trim(),
    usdRate: rateText(r.usd_rate),
    usdAmount: minor(r.usd_amount, 'usdAmount'),
    receivedAt: r.received_at.toISOString(),
    receiptNumber: r.receipt_number,
    status: r.status,
    receiptVoid: r.status === 'reversed',
    reversedAt: r.reversed_at ? r.reversed_at.toISOString() : null,
    reversalReason: r.reversal_reason,
    createdAt: r.created_at.toISOString(),
  };
}

export interface NewContribution {
  donorId: string;
  fundId: string;
  pledgeId: string | null;
  amount: number;
  currency: string;
  usdRate: string | null;
  usdAmount: number;
  receivedAt: Date;
  /** The receipt number's prefix, `<fund code>-<year>-`; the counter's next number follows it. */
  receiptPrefix: string;
  createdBy: string | null;
}

export interface ContributionFilter {
  donorId: string | null;
  fundId: string | null;
  fundIds: readonly string[] | null;
  cursor: { at: string | Date; id: string } | null;
  limit: number;
}

/** What the donor's receipt mail says of a contribution (with its fund's name). */
export interface ReceiptNotice {
  donorId: string;
  receiptNumber: string;
  amount: number;
  currency: string;
  fundName: string;
}

/** SQL of the donors context's `contributions` and `receipt_counters` tables. */
@Injectable()
export class ContributionsRepository {
  /**
   * The contribution with the next receipt number of its fund and year, in one statement: the counter row
   * stays locked until commit, so numbers have no gaps and no duplicates.
   */
  async insert(em: EntityManager, c: NewContribution): Promise<ContributionView> {
    const year = c.receivedAt.getUTCFullYear();
    const [row]: ContributionRow[] = await em.query(
      `WITH n AS (
         INSERT INTO receipt_counters (fund_id, year, last_number) VALUES ($2, $9, 1)
         ON CONFLICT (fund_id, year) DO UPDATE SET last_number = receipt_counters.last_number + 1
         RETURNING last_number),
       c AS (
         INSERT INTO contributions (donor_id, fund_id, pledge_id, amount, currency, usd_rate, usd_amount,
           received_at, receipt_year, receipt_seq, receipt_number, created_by)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, n.last_number,
                $10::text || lpad(n.last_number::text, greatest(4, length(n.last_number::text)), '0'), $11
         FROM n RETURNING *)
       SELECT ${CONTRIBUTION_COLUMNS} FROM c`,
      [
        c.donorId,
        c.fundId,
        c.pledgeId,
        c.amount,
        c.currency,
        c.usdRate,
        c.usdAmount,
        c.receivedAt,
        year,
        c.receiptPrefix,
        c.createdBy,
      ],
    );
    return toContributionView(row);
  }

  async findById(em: EntityManager, id: string): Promise<ContributionView | undefined> {
    const [row]: ContributionRow[] = await em.query(
      `SELECT ${CONTRIBUTION_COLUMNS} FROM contributions WHERE id = $1`,
      [id],
    );
    return row && toContributionView(row);
  }

  /** The contribution a receipt number names (receipt verification); unique in practice, else none. */
  async findByReceiptNumber(em: EntityManager, receiptNumber: string): Promise<ContributionView | undefined> {
    const rows: ContributionRow[] = await em.query(
      `SELECT ${CONTRIBUTION_COLUMNS} FROM contributions WHERE receipt_number = $1 LIMIT 2`,
      [receiptNumber],
    );
    return rows.length === 1 ? toContributionView(rows[0]) : undefined;
  }

  /** SELECT ... FOR UPDATE. */
  async lockById(em: EntityManager, id: string): Promise<ContributionView | undefined> {
    const [row]: ContributionRow[] = await em.query(
      `SELECT ${CONTRIBUTION_COLUMNS} FROM contributions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row && toContributionView(row);
  }

  async markReversed(em: EntityManager, id: string, at: Date, reason: string): Promise<ContributionView> {
    const [row]: ContributionRow[] = await em.query(
      `WITH u AS (UPDATE contributions SET status = 'reversed', reversed_at = $2, reversal_reason = $3
                  WHERE id = $1 RETURNING *)
       SELECT ${CONTRIBUTION_COLUMNS} FROM u`,
      [id, at, reason],
    );
    return toContributionView(row);
  }

  /** Newest first, a keyset page. */
  async list(em: EntityManager, f: ContributionFilter): Promise<ContributionView[]> {
    const rows: ContributionRow[] = await em.query(
      `SELECT ${CONTRIBUTION_COLUMNS} FROM contributions
       WHERE ($1::uuid IS NULL OR donor_id = $1) AND ($2::uuid IS NULL OR fund_id = $2)
         AND ($3::uuid[] IS NULL OR fund_id = ANY($3))
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $6`,
      [f.donorId, f.fundId, f.fundIds, f.cursor?.at ?? null, f.cursor?.id ?? null, f.limit],
    );
    return rows.map(toContributionView);
  }

  /** A donor's contributions received in [from, to), oldest first (the receipts of a year), at most `limit`. */
  async receivedBetween(
    em: EntityManager,
    donorId: string,
    from: Date,
    to: Date,
    fundIds: readonly string[] | null,
    limit: number,
  ): Promise<ContributionView[]> {
    const rows: ContributionRow[] = await em.query(
      `SELECT ${CONTRIBUTION_COLUMNS} FROM contributions
       WHERE donor_id = $1 AND received_at >= $2 AND received_at < $3
         AND ($4::uuid[] IS NULL OR fund_id = ANY($4))
       ORDER BY received_at, receipt_number LIMIT $5`,
      [donorId, from, to, fundIds, limit],
    );
    return rows.map(toContributionView);
  }

  /**
   * What the receipt mail needs. Joins the funds context's `funds` for the fund's name (read-only) until the
   * worker's donors jobs reach the funds door.
   */
  async receiptNotice(em: EntityManager, id: string): Promise<ReceiptNotice | undefined> {
    const [row]: {
      donor_id: string;
      receipt_number: string;
      amount: string;
      currency: string;
      fund: string;
    }[] = await em.query(
      `SELECT c.donor_id, c.receipt_number, c.amount::bigint::text AS amount, c.currency, f.name AS fund
         FROM contributions c JOIN funds f ON f.id = c.fund_id WHERE c.id = $1`,
      [id],
    );
    return (
      row && {
        donorId: row.donor_id,
        receiptNumber: row.receipt_number,
        amount: minor(row.amount),
        currency: row.currency.trim(),
        fundName: row.fund,
      }
    );
  }
}
