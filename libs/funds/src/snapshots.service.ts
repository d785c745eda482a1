import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor, minor, Page } from '@app/core';

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

export type SnapshotView = Record<SnapshotField, number> & {
  id: string;
  at: string;
  progress: number;
  reason: string;
};

export interface AlertView {
  id: string;
  type: 'crossing' | 'drift';
  direction: 'up' | 'down' | null;
  available: number;
  target: number;
  at: string;
  detail?: Record<string, unknown>;
}

function historyCursor(id: string): string {
  return Buffer.from(JSON.stringify(['snapshot', id])).toString('base64url');
}

function decodeHistoryCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    const [kind, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (kind !== 'snapshot' || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) throw new Error('shape');
    return id;
  } catch {
    throw new InvalidCursor();
  }
}

/** Reads of what the balance jobs wrote: the snapshot history and the alerts, newest first. */
@Injectable()
export class SnapshotsService {
  constructor(private readonly dataSource: DataSource) {}

  async history(fundId: string, limit: number, cursor?: string): Promise<Page<SnapshotView>> {
    const beforeId = decodeHistoryCursor(cursor);
    const rows: Record<string, string | Date>[] = await this.dataSource.query(
      `SELECT id, at, reason, ${SNAPSHOT_FIELDS.join(', ')} FROM fund_balance_snapshots
       WHERE fund_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [fundId, beforeId, limit + 1],
    );
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map((r) => {
      const figures = Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, minor(r[f] as string, f)])) as Record<
        SnapshotField,
        number
      >;
      return {
        id: String(r.id),
        at: (r.at as Date).toISOString(),
        reason: String(r.reason),
        ...figures,
        progress: figures.target > 0 ? figures.available / figures.target : 0,
      };
    });
    return { items, nextCursor: more ? historyCursor(items[items.length - 1].id) : null };
  }

  async alerts(
    fundId: string,
    type: 'crossing' | 'drift',
    limit: number,
    cursor?: string,
  ): Promise<Page<AlertView>> {
    const after = decodeCursor(cursor);
    const rows: {
      id: string;
      type: 'crossing' | 'drift';
      direction: 'up' | 'down' | null;
      available: string;
      target: string;
      at: Date;
      detail: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT id, type, direction, available, target, at, detail FROM fund_alerts
       WHERE fund_id = $1 AND type = $2 AND ($3::timestamptz IS NULL OR (at, id) < ($3, $4::uuid))
       ORDER BY at DESC, id DESC LIMIT $5`,
      [fundId, type, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map((r) => ({
      id: r.id,
      type: r.type,
      direction: r.direction,
      available: minor(r.available, 'available'),
      target: minor(r.target, 'target'),
      at: r.at.toISOString(),
      ...(r.type === 'drift' ? { detail: r.detail } : {}),
    }));
    const last = rows[items.length - 1];
    return { items, nextCursor: more ? encodeCursor(last.at, last.id) : null };
  }
}
