import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, hasRole, NotFoundError } from '@app/core';
import { Scope } from '@app/identity';
import { Period } from './domain/period';
import { DonorStatementRepository } from './repositories/donor-statement.repository';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DonorStatementRepository,
  ) {}

  async statement(donorId: string, period: Period, actor: Actor): Promise<DonorStatement> {
    const em = this.dataSource.manager;
    const donor = await this.repo.donor(em, donorId);
    if (!donor) throw new NotFoundError('donor', donorId);
    Scope.assertDonor(actor, donorId, 'donor', donorId);
    const fundIds = hasRole(actor, 'finance', 'admin') && actor.fundIds.length ? actor.fundIds : null;
    const rows = await this.repo.entries(em, donorId, period, fundIds);
    const lines = rows.map((r) => ({
      receiptNumber: r.receiptNumber,
      fundCode: r.fundCode,
      fundName: r.fundName,
      receivedAt: r.receivedAt.toISOString(),
      amount: r.amount,
      currency: r.currency,
      usdRate: r.usdRate === null ? null : r.usdRate.replace(/\.?0+$/, ''),
      fundAmount: r.fundAmount,
      fundCurrency: r.fundCurrency,
      void: r.status === 'reversed',
      reversedAt: r.reversedAt ? r.reversedAt.toISOString() : null,
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
      donorName: donor.name,
      donorType: donor.type,
      from: period.from ? period.from.toISOString() : null,
      to: period.to.toISOString(),
      lines,
      totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  }
}
