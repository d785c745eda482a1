import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { KindAccountSum } from '../domain/statement';
import { Period } from '../domain/period';

interface KindAccountRow {
  kind: string;
  account: KindAccountSum['account'];
  amount: string;
}

function toKindAccountSum(r: KindAccountRow): KindAccountSum {
  return { kind: r.kind, account: r.account, amount: minor(r.amount, r.account) };
}

/** The balance statement's read model over the ledger (funds' tables, read and aggregated only). */
@Injectable()
export class StatementRepository {
  /** What moved the fund's accounts within the period, summed by posting kind and account. */
  async movements(em: EntityManager, fundId: string, period: Period): Promise<KindAccountSum[]> {
    const rows: KindAccountRow[] = await em.query(
      `SELECT p.kind, e.account, sum(e.amount)::bigint AS amount
       FROM ledger_entries e JOIN ledger_postings p ON p.id = e.posting_id AND p.fund_id = $1
       WHERE e.fund_id = $1 AND ($2::timestamptz IS NULL OR e.effective_at >= $2) AND e.effective_at <= $3
       GROUP BY p.kind, e.account`,
      [fundId, period.from, period.to],
    );
    return rows.map(toKindAccountSum);
  }
}
