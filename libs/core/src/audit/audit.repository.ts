import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { Cursor } from '../http/pagination';

export interface AuditEvent {
  action: string; // e.g. 'grant.approved'
  entity: string; // e.g. 'grant'
  entityId: string;
  summary?: Record<string, unknown>;
}

/** One row of the audit log as an admin reads it. */
export interface AuditEntry {
  id: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  fundId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
  at: Date;
}

export interface AuditFilter {
  entity: string | null;
  entityId: string | null;
  /** Only the changes of this user (null: anyone, the system included). */
  actorId?: string | null;
  /** Only changes at or after this instant. */
  from?: Date | null;
  /** Only changes before this instant. */
  to?: Date | null;
  /** Only rows of these funds (an admin limited to some funds); null: every row. */
  fundIds: readonly string[] | null;
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  fund_id: string | null;
  summary: Record<string, unknown>;
  request_id: string | null;
  at: Date;
}

const AUDIT_COLUMNS = `id, actor_id, action, entity, entity_id, fund_id, summary, request_id, at`;

const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  actorId: r.actor_id,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  fundId: r.fund_id,
  summary: r.summary,
  requestId: r.request_id,
  at: r.at,
});

/**
 * The audit INSERT as SQL text and parameters numbered from `$first`, for a caller that writes it in one
 * statement with other rows (a data-modifying CTE), to save round trips while it holds locks.
 */
export function auditInsert(actor: Actor, event: AuditEvent, first = 1): { sql: string; params: unknown[] } {
  const $ = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO audit_log (actor_id, action, entity, entity_id, summary, request_id)
          VALUES (${$(0)}, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)})`,
    params: [
      actor.userId,
      event.action,
      event.entity,
      event.entityId,
      // the client address of the request, when there is one: who, what, and from where
      JSON.stringify(actor.address ? { ...event.summary, address: actor.address } : (event.summary ?? {})),
      actor.requestId,
    ],
  };
}

/** SQL of the append-only audit log (core). */
@Injectable()
export class AuditRepository {
  async insert(em: EntityManager, actor: Actor, event: AuditEvent): Promise<void> {
    const { sql, params } = auditInsert(actor, event);
    await em.query(sql, params);
  }

  /** Newest first, after the cursor. */
  async page(
    em: EntityManager,
    filter: AuditFilter,
    cursor: Cursor | null,
    limit: number,
  ): Promise<AuditEntry[]> {
    const rows: AuditRow[] = await em.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log
       WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
         AND ($6::uuid[] IS NULL OR fund_id = ANY($6))
         AND ($3::timestamptz IS NULL OR (at, id) < ($3, $4::uuid))
         AND ($7::uuid IS NULL OR actor_id = $7)
         AND ($8::timestamptz IS NULL OR at >= $8) AND ($9::timestamptz IS NULL OR at < $9)
       ORDER BY at DESC, id DESC LIMIT $5`,
      [
        filter.entity,
        filter.entityId,
        cursor?.at ?? null,
        cursor?.id ?? null,
        limit,
        filter.fundIds,
        filter.actorId ?? null,
        filter.from ?? null,
        filter.to ?? null,
      ],
    );
    return rows.map(toAuditEntry);
  }
}
