import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export const SNAPSHOT_FIELDS = [
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

export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/** One snapshot of the fund's balance figures, as stored. */
export type SnapshotRecord = Record<SnapshotField, number> & { id: string; at: Date; reason: string };

export interface AlertRecord {
  id: string;
  type: 'crossing' | 'drift';
  direction: 'up' | 'down' | null;
  available: number;
  target: number;
  at: Date;
  detail: Record<string, unknown> | null;
}

type SnapshotRow = Record<SnapshotField, string> & { id: string; at: Date; reason: string };

interface AlertRow {
  id: string;
  type: 'crossing' | 'drift';
  direction: 'up' | 'down' | null;
  available: string;
  target: string;
  at: Date;
  detail: Record<string, unknown> | null;
}

const SNAPSHOT_COLUMNS = `id, at, reason, ${SNAPSHOT_FIELDS.join(', ')}`;
const ALERT_COLUMNS = `id, type, direction, available, target, at, detail`;

const toSnapshotRecord = (r: SnapshotRow): SnapshotRecord => ({
  ...(Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, minor(r[f], f)])) as Record<SnapshotField, number>),
  id: r.id,
  at: r.at,
  reason: r.reason,
});

const toAlertRecord = (r: AlertRow): AlertRecord => ({
  id: r.id,
  type: r.type,
  direction: r.direction,
  available: minor(r.available, 'available'),
  target: minor(r.target, 'target'),
  at: r.at,
  detail: r.detail,
});

/** A fund's latest snapshot figures, for the operators' gauges. */
export interface LatestFigures {
  fundId: string;
  code: string;
  currency: string;
  available: number;
  target: number;
  at: Date;
}

/** Reads of what the balance jobs wrote (funds context): the snapshot history and the alerts. */
@Injectable()
export class SnapshotsRepository {
  /** Each fund's newest snapshot (one index probe per fund: fund_id, id DESC). */
  async latestPerFund(em: EntityManager): Promise<LatestFigures[]> {
    const rows: {
      fund_id: string;
      code: string;
      currency: string;
      available: string;
      target: string;
      at: Date;
    }[] = await em.query(
      `SELECT f.id AS fund_id, f.code, f.currency, s.available, s.target, s.at
         FROM funds f
         CROSS JOIN LATERAL (
           SELECT available, target, at FROM fund_balance_snapshots
           WHERE fund_id = f.id ORDER BY id DESC LIMIT 1
         ) s
         ORDER BY f.code`,
    );
    return rows.map((r) => ({
      fundId: r.fund_id,
      code: r.code,
      currency: r.currency,
      available: minor(r.available, 'available'),
      target: minor(r.target, 'target'),
      at: r.at,
    }));
  }

  /** Newest first, before the snapshot `beforeId` when given. */
  async history(
    em: EntityManager,
    fundId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<SnapshotRecord[]> {
    const rows: SnapshotRow[] = await em.query(
      `SELECT ${SNAPSHOT_COLUMNS} FROM fund_balance_snapshots
       WHERE fund_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [fundId, beforeId, limit],
    );
    return rows.map(toSnapshotRecord);
  }

  /** Newest first, after the (at, id) cursor when given. */
  async alerts(
    em: EntityManager,
    fundId: string,
    type: 'crossing' | 'drift',
    after: { at: Date | string; id: string } | null,
    limit: number,
  ): Promise<AlertRecord[]> {
    const rows: AlertRow[] = await em.query(
      `SELECT ${ALERT_COLUMNS} FROM fund_alerts
       WHERE fund_id = $1 AND type = $2 AND ($3::timestamptz IS NULL OR (at, id) < ($3, $4::uuid))
       ORDER BY at DESC, id DESC LIMIT $5`,
      [fundId, type, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map(toAlertRecord);
  }
}
