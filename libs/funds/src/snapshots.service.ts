import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { BalanceService } from './balance.service';

const FIELDS = [
  'received',
  'pledged',
  'committed',
  'disbursed',
  'outstanding',
  'returned',
  'psc',
  'costs',
  'available',
  'target',
] as const;

/**
 * Records the fund's balance when it changed since the last snapshot. Runs in a job; running it twice
 * writes nothing the second time. A per-fund advisory lock keeps two workers from racing on one fund.
 */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: BalanceService,
    private readonly clock: Clock,
  ) {}

  async recordIfChanged(fundId: string, reason = 'change'): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('tfg:snapshot:' || $1))`, [fundId]);
      const now = await this.balances.now(fundId, this.clock.now(), em);
      const [last]: Record<string, string>[] = await em.query(
        `SELECT ${FIELDS.join(', ')} FROM fund_balance_snapshots WHERE fund_id = $1 ORDER BY id DESC LIMIT 1`,
        [fundId],
      );
      if (reason === 'change' && last && FIELDS.every((f) => Number(last[f]) === now[f])) return false;
      await em.query(
        `INSERT INTO fund_balance_snapshots (fund_id, ${FIELDS.join(', ')}, reason)
         VALUES ($1, ${FIELDS.map((_, i) => `$${i + 2}`).join(', ')}, $${FIELDS.length + 2})`,
        [fundId, ...FIELDS.map((f) => now[f]), reason],
      );
      return true;
    });
  }

  async history(fundId: string, limit: number, beforeId: number | null) {
    const rows: Record<string, string | Date>[] = await this.dataSource.query(
      `SELECT id, at, ${FIELDS.join(', ')} FROM fund_balance_snapshots
       WHERE fund_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [fundId, beforeId, limit + 1],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at as Date,
      ...Object.fromEntries(FIELDS.map((f) => [f, Number(r[f])])),
      progress: Number(r.target) > 0 ? Number(r.available) / Number(r.target) : 0,
    }));
  }
}
