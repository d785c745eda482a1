import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, hasRole, minor, NotFoundError } from '@app/core';
import { Scope } from '@app/identity';
import { Period } from './domain/period';

export interface DonorStatementLine {
  receiptNumber: string;
  fundCode: string;
  fundName: string;
  receivedAt: string;
  amount: number;
  currency: string;
  usdRate: string | null;
  fundAmount: number;
  fundCurrency: string;
  void: boolean;
  reversedAt: string | null;
}

export interface DonorStatement {
  donorId: string;
  donorName: string;
  donorType: string;
  from: string | null;
  to: string;
  lines: DonorStatementLine[];
  /** Per fund currency: the contributions that stand (void receipts left out). */
  totals: { currency: string; amount: number; count: number }[];
}

/**
 * A donor's statement: its contributions received within the period, each with its receipt number, in
 * the original currency and in the fund's currency. A reversed contribution is listed with its receipt
 * marked VOID and left out of the totals. A donor user reads only its own statement (another donor's is
 * 404); finance reads every donor's, limited to the funds it may see.
 */
@Injectable()
export class DonorStatementService {
  constructor(private readonly dataSource: DataSource) {}

  async statement(donorId: string, period: Period, actor: Actor): Promise<DonorStatement> {
    const donors: { id: string; name: string; type: string }[] = await this.dataSource.query(
      `SELECT id, name, type FROM donors WHERE id = $1`,
      [donorId],
    );
    if (!donors.length) throw new NotFoundError('donor', donorId);
    Scope.assertDonor(actor, donorId, 'donor', donorId);
    const fundIds = hasRole(actor, 'finance', 'admin') && actor.fundIds.length ? actor.fundIds : null;
    const rows: {
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
    }[] = await this.dataSource.query(
      `SELECT c.receipt_number, c.fund_id, f.code AS fund_code, f.name AS fund_name, c.received_at, c.amount,
              trim(c.currency) AS currency, c.usd_rate::text, c.usd_amount, trim(f.currency) AS fund_currency,
              c.status, c.reversed_at
       FROM contributions c JOIN funds f ON f.id = c.fund_id
       WHERE c.donor_id = $1 AND ($2::timestamptz IS NULL OR c.received_at >= $2) AND c.received_at <= $3
         AND ($4::uuid[] IS NULL OR c.fund_id = ANY($4))
       ORDER BY c.received_at, c.receipt_number`,
      [donorId, period.from, period.to, fundIds],
    );
    const lines = rows.map((r) => ({
      receiptNumber: r.receipt_number,
      fundCode: r.fund_code,
      fundName: r.fund_name,
      receivedAt: r.received_at.toISOString(),
      amount: minor(r.amount),
      currency: r.currency,
      usdRate: r.usd_rate === null ? null : r.usd_rate.replace(/\.?0+$/, ''),
      fundAmount: minor(r.usd_amount, 'fundAmount'),
      fundCurrency: r.fund_currency,
      void: r.status === 'reversed',
      reversedAt: r.reversed_at ? r.reversed_at.toISOString() : null,
    }));
    const totals = new Map<string, { currency: string; amount: number; count: number }>();
    for (const l of lines.filter((x) => !x.void)) {
      const t = totals.get(l.fundCurrency) ?? { currency: l.fundCurrency, amount: 0, count: 0 };
      t.amount += l.fundAmount;
      t.count += 1;
      totals.set(l.fundCurrency, t);
    }
    return {
      donorId,
      donorName: donors[0].name,
      donorType: donors[0].type,
      from: period.from ? period.from.toISOString() : null,
      to: period.to.toISOString(),
      lines,
      totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  }
}
