import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { Cursor } from '../http/pagination';
import { AuditEntry, AuditEvent, AuditFilter, auditInsert, AuditRepository } from './audit.repository';

export type { AuditEntry, AuditEvent, AuditFilter } from './audit.repository';

/** Writes audit rows inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  async record(em: EntityManager, actor: Actor, event: AuditEvent): Promise<void> {
    await this.audit.insert(em, actor, event);
  }

  /** The audit log, newest first (for the admins' read), on a connection of its own. */
  async page(filter: AuditFilter, cursor: Cursor | null, limit: number): Promise<AuditEntry[]> {
    return this.audit.page(this.dataSource.manager, filter, cursor, limit);
  }

  /**
   * The audit INSERT as SQL text and parameters numbered from `$first`, for a caller that writes it in one
   * statement with other rows (a data-modifying CTE), to save round trips while it holds locks.
   */
  static insert(actor: Actor, event: AuditEvent, first = 1): { sql: string; params: unknown[] } {
    return auditInsert(actor, event, first);
  }
}
