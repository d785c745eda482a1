import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

/** A draft's saves of one day, as the daily "edited" audit row summarizes them. */
export interface EditDay {
  applicationId: string;
  organizationId: string;
  day: string;
  saves: number;
  fields: string[];
  requested: number;
  firstAt: Date;
  lastAt: Date;
  lastActorId: string | null;
  lastAddress: string | null;
}

interface EditDayRow {
  application_id: string;
  organization_id: string;
  day: string;
  saves: number;
  fields: string[];
  requested: string;
  first_at: Date;
  last_at: Date;
  last_actor_id: string | null;
  last_address: string | null;
}

const toEditDay = (r: EditDayRow): EditDay => ({
  applicationId: r.application_id,
  organizationId: r.organization_id,
  day: r.day,
  saves: r.saves,
  fields: r.fields,
  requested: minor(r.requested, 'requested'),
  firstAt: r.first_at,
  lastAt: r.last_at,
  lastActorId: r.last_actor_id,
  lastAddress: r.last_address,
});

const EDIT_DAY_COLUMNS = `e.application_id, a.organization_id, to_char(e.day, 'YYYY-MM-DD') AS day, e.saves,
  e.fields, e.requested, e.first_at, e.last_at, e.last_actor_id, e.last_address`;

/** SQL of application_edit_days (applications context): the per-draft, per-day tally of saves. */
@Injectable()
export class DraftEditsRepository {
  /** The draft's days not yet in the audit log, oldest first, locked (a concurrent flush waits). */
  async unauditedOf(em: EntityManager, applicationId: string): Promise<EditDay[]> {
    const rows: EditDayRow[] = await em.query(
      `SELECT ${EDIT_DAY_COLUMNS} FROM application_edit_days e JOIN applications a ON a.id = e.application_id
       WHERE e.application_id = $1 AND e.audited_at IS NULL ORDER BY e.day FOR UPDATE OF e`,
      [applicationId],
    );
    return rows.map(toEditDay);
  }

  /** Up to `limit` days before `today` not yet audited, skipping rows another flush holds. */
  async unauditedBefore(em: EntityManager, today: string, limit: number): Promise<EditDay[]> {
    const rows: EditDayRow[] = await em.query(
      `SELECT ${EDIT_DAY_COLUMNS} FROM application_edit_days e JOIN applications a ON a.id = e.application_id
       WHERE e.audited_at IS NULL AND e.day < $1::date ORDER BY e.day, e.application_id
       LIMIT $2 FOR UPDATE OF e SKIP LOCKED`,
      [today, limit],
    );
    return rows.map(toEditDay);
  }

  async markAudited(em: EntityManager, days: readonly EditDay[], at: Date): Promise<void> {
    if (days.length === 0) return;
    await em.query(
      `UPDATE application_edit_days e SET audited_at = $3
       FROM unnest($1::uuid[], $2::date[]) AS d(application_id, day)
       WHERE e.application_id = d.application_id AND e.day = d.day`,
      [days.map((d) => d.applicationId), days.map((d) => d.day), at],
    );
  }
}
