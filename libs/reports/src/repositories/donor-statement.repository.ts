import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { Period } from '../domain/period';

export interface StatementDonor {
  id: string;
  name: string;
  type: string;
}

const DONOR_COLUMNS = `id, name, type`;

/** One contribution on a donor's statement, in its own currency and in the fund's. */
export interface DonorStatementEntry {
  receiptNumber: string;
  fundId: string;
  fundCode: string;
  fundName: string;
  receivedAt: Date;
  amount: number;
  currency: string;
  usdRate: string | null;
  fundAmount: number;
  fundCurrency: string;
  status: string;
  reversedAt: Date | null;
}

interface EntryRow {
  receipt_number: string;
  fund_id: string;
  fund_code: string;
  fund_name: string;
  received_at: Date;
  amount: string;
  currency: string;
  usd_rate: string | null;
  usd_amount: string;
  fund_currency: string;
  status: string;
  reversed_at: Date | null;
}

const ENTRY_COLUMNS = `c.receipt_number, c.fund_id, f.code AS fund_code, f.name AS fund_name, c.received_at, c.amount,
  trim(c.currency) AS currency, c.usd_rate::text AS usd_rate, c.usd_amount, trim(f.currency) AS fund_currency,
  c.status, c.reversed_at`;

function toEntry(r: EntryRow): DonorStatementEntry {
  return {
    receiptNumber: r.receipt_number,
    fundId: r.fund_id,
    fundCode: r.fund_code,
    fundName: r.fund_name,
    receivedAt: r.received_at,
    amount: minor(r.amount, 'amount'),
    currency: r.currency,
    usdRate: r.usd_rate,
    fundAmount: minor(r.usd_amount, 'fundAmount'),
    fundCurrency: r.fund_currency,
    status: r.status,
    reversedAt: r.reversed_at,
  };
}

/** The donor statement's read model over the donors' and funds' tables: read only, never written. */
@Injectable()
export class DonorStatementRepository {
  async donor(em: EntityManager, id: string): Promise<StatementDonor | undefined> {
    const [r]: StatementDonor[] = await em.query(`SELECT ${DONOR_COLUMNS} FROM donors WHERE id = $1`, [id]);
    return r;
  }

  /** The donor's contributions received within the period, in funds of `fundIds` (null: any). */
  async entries(
    em: EntityManager,
    donorId: string,
    period: Period,
    fundIds: readonly string[] | null,
  ): Promise<DonorStatementEntry[]> {
    const rows: EntryRow[] = await em.query(
      `SELECT ${ENTRY_COLUMNS}
       FROM contributions c JOIN funds f ON f.id = c.fund_id
       WHERE c.donor_id = $1 AND ($2::timestamptz IS NULL OR c.received_at >= $2) AND c.received_at <= $3
         AND ($4::uuid[] IS NULL OR c.fund_id = ANY($4))
       ORDER BY c.received_at, c.receipt_number`,
      [donorId, period.from, period.to, fundIds],
    );
    return rows.map(toEntry);
  }
}
