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
    await em.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, summary, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        actor.userId,
        event.action,
        event.entity,
        event.entityId,
        JSON.stringify(event.summary ?? {}),
        actor.requestId,
      ],
    );
  }
}
