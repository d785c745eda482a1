import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor, Page } from '@app/core';
import { LatestFigures, SnapshotField, SnapshotsRepository } from './repositories/snapshots.repository';

export { SNAPSHOT_FIELDS } from './repositories/snapshots.repository';
export type { LatestFigures, SnapshotField } from './repositories/snapshots.repository';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  /** Every fund's newest snapshot: available and target as the balance job last wrote them. */
  latestPerFund(): Promise<LatestFigures[]> {
    return this.snapshots.latestPerFund(this.dataSource.manager);
  }

  async history(fundId: string, limit: number, cursor?: string): Promise<Page<SnapshotView>> {
    const beforeId = decodeHistoryCursor(cursor);
    const rows = await this.snapshots.history(this.dataSource.manager, fundId, beforeId, limit + 1);
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map(({ id, at, reason, ...figures }) => ({
      id,
      at: at.toISOString(),
      reason,
      ...figures,
      progress: figures.target > 0 ? figures.available / figures.target : 0,
    }));
    return { items, nextCursor: more ? historyCursor(items[items.length - 1].id) : null };
  }

  async alerts(
    fundId: string,
    type: 'crossing' | 'drift',
    limit: number,
    cursor?: string,
  ): Promise<Page<AlertView>> {
    const after = decodeCursor(cursor);
    const rows = await this.snapshots.alerts(this.dataSource.manager, fundId, type, after, limit + 1);
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map((r) => ({
      id: r.id,
      type: r.type,
      direction: r.direction,
      available: r.available,
      target: r.target,
      at: r.at.toISOString(),
      ...(r.type === 'drift' ? { detail: r.detail ?? {} } : {}),
    }));
    const last = rows[items.length - 1];
    return { items, nextCursor: more ? encodeCursor(last.at, last.id) : null };
  }
}
