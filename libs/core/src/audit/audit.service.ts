import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';

export interface AuditEvent {
  action: string; // e.g. 'grant.approved'
  entity: string; // e.g. 'grant'
  entityId: string;
  summary?: Record<string, unknown>;
}

/** Writes audit rows inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  async record(em: EntityManager, actor: Actor, event: AuditEvent): Promise<void> {
    const { sql, params } = AuditService.insert(actor, event);
    await em.query(sql, params);
  }

  /**
   * The audit INSERT as SQL text and parameters numbered from `$first`, for a caller that writes it in one
   * statement with other rows (a data-modifying CTE), to save round trips while it holds locks.
   */
  static insert(actor: Actor, event: AuditEvent, first = 1): { sql: string; params: unknown[] } {
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
}
