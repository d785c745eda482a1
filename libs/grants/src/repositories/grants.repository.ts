import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export type GrantStatus = 'active' | 'closed' | 'cancelled';

/** A grant as the use cases see it: money in minor units, the currency trimmed. */
export interface Grant {
  id: string;
  applicationId: string;
  callId: string;
  fundId: string;
  organizationId: string;
  title: string;
  countries: string[];
  services: string[];
  currency: string;
  amount: number;
  pscRateBps: number;
  psc: number;
  paid: number;
  cancelled: number;
  returned: number;
  pscReleased: number;
  status: GrantStatus;
  note: string;
  approvedAt: Date;
  signedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  /** The post-award workflow the grant keeps from its fund (ADR 0012) and, in `full`, its offer's state. */
  workflow: 'simple' | 'full';
  offerState: 'offered' | 'accepted' | 'declined' | 'withdrawn' | null;
}

export interface GrantRow {
  id: string;
  application_id: string;
  call_id: string;
  fund_id: string;
  organization_id: string;
  title: string;
  countries: string[];
  services: string[];
  currency: string;
  amount: string;
  psc_rate_bps: number;
  psc_amount: string;
  paid: string;
  cancelled: string;
  returned: string;
  psc_released: string;
  status: GrantStatus;
  note: string;
  approved_at: Date;
  signed_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  workflow: 'simple' | 'full';
  offer_state: 'offered' | 'accepted' | 'declined' | 'withdrawn' | null;
}

export const GRANT_COLUMNS = `id, application_id, call_id, fund_id, organization_id, title, countries, services, currency,
  amount, psc_rate_bps, psc_amount, paid, cancelled, returned, psc_released, status, note, approved_at, signed_at,
  closed_at, created_at, workflow, offer_state`;

export function toGrant(r: GrantRow): Grant {
  return {
    id: r.id,
    applicationId: r.application_id,
    callId: r.call_id,
    fundId: r.fund_id,
    organizationId: r.organization_id,
    title: r.title,
    countries: r.countries,
    services: r.services,
    currency: r.currency.trim(),
    amount: minor(r.amount, 'amount'),
    pscRateBps: r.psc_rate_bps,
    psc: minor(r.psc_amount, 'psc_amount'),
    paid: minor(r.paid, 'paid'),
    cancelled: minor(r.cancelled, 'cancelled'),
    returned: minor(r.returned, 'returned'),
    pscReleased: minor(r.psc_released, 'psc_released'),
    status: r.status,
    note: r.note,
    approvedAt: r.approved_at,
    signedAt: r.signed_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    workflow: r.workflow,
    offerState: r.offer_state,
  };
}

/** What approving an application writes into a new grant. */
export interface NewGrant {
  applicationId: string;
  callId: string;
  fundId: string;
  organizationId: string;
  title: string;
  countries: string[];
  services: string[];
  currency: string;
  amount: number;
  pscRateBps: number;
  psc: number;
  note: string;
  approvedAt: Date;
  approvedBy: string | null;
}

export interface GrantFilter {
  organizationId: string | null;
  fundIds: readonly string[] | null;
  fundId: string | null;
  status: string | null;
  after: { at: string | Date; id: string } | null;
  limit: number;
}

/** The grants table: the only code that reads or writes it. */
@Injectable()
export class GrantsRepository {
  async byId(em: EntityManager, id: string): Promise<Grant | undefined> {
    const [r]: GrantRow[] = await em.query(`SELECT ${GRANT_COLUMNS} FROM grants WHERE id = $1`, [id]);
    return r && toGrant(r);
  }

  /** The grant, locked for the rest of the transaction (grants are locked before the fund's balance). */
  async lock(em: EntityManager, id: string): Promise<Grant | undefined> {
    const [r]: GrantRow[] = await em.query(`SELECT ${GRANT_COLUMNS} FROM grants WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return r && toGrant(r);
  }

  /** One page of grants, newest first (keyset on created_at, id). */
  async page(em: EntityManager, f: GrantFilter): Promise<Grant[]> {
    const rows: GrantRow[] = await em.query(
      `SELECT ${GRANT_COLUMNS} FROM grants
       WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::uuid[] IS NULL OR fund_id = ANY($2))
         AND ($3::uuid IS NULL OR fund_id = $3) AND ($4::text IS NULL OR status = $4)
         AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $7`,
      [f.organizationId, f.fundIds, f.fundId, f.status, f.after?.at ?? null, f.after?.id ?? null, f.limit],
    );
    return rows.map(toGrant);
  }

  /** Active, signed grants (the report reminders go over them). */
  async signedActive(em: EntityManager): Promise<Grant[]> {
    const rows: GrantRow[] = await em.query(
      `SELECT ${GRANT_COLUMNS} FROM grants WHERE status = 'active' AND signed_at IS NOT NULL`,
    );
    return rows.map(toGrant);
  }

  /** What a call has committed so far: its grants' awards less what was cancelled. */
  async committedOnCall(em: EntityManager, callId: string): Promise<number> {
    const [r]: { committed: string }[] = await em.query(
      `SELECT coalesce(sum(amount - cancelled), 0)::bigint AS committed FROM grants WHERE call_id = $1`,
      [callId],
    );
    return minor(r.committed, 'committed');
  }

  async insert(em: EntityManager, g: NewGrant): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO grants (application_id, call_id, fund_id, organization_id, title, countries, services, currency,
         amount, psc_rate_bps, psc_amount, note, approved_at, approved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        g.applicationId,
        g.callId,
        g.fundId,
        g.organizationId,
        g.title,
        g.countries,
        g.services,
        g.currency,
        g.amount,
        g.pscRateBps,
        g.psc,
        g.note,
        g.approvedAt,
        g.approvedBy,
      ],
    );
    return id;
  }

  async markSigned(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.query(`UPDATE grants SET signed_at = $2 WHERE id = $1`, [id, at]);
  }

  async addPaid(em: EntityManager, id: string, amount: number): Promise<void> {
    await em.query(`UPDATE grants SET paid = paid + $2 WHERE id = $1`, [id, amount]);
  }

  /** Adds to what is cancelled; `fully` (nothing was paid) cancels the grant itself as of `at`. */
  async addCancelled(em: EntityManager, id: string, amount: number, fully: boolean, at: Date): Promise<void> {
    await em.query(
      `UPDATE grants SET cancelled = cancelled + $2, status = CASE WHEN $3 THEN 'cancelled' ELSE status END,
         closed_at = CASE WHEN $3 THEN $4 ELSE closed_at END WHERE id = $1`,
      [id, amount, fully, at],
    );
  }

  async addReturned(em: EntityManager, id: string, amount: number, pscReleased: number): Promise<void> {
    await em.query(
      `UPDATE grants SET returned = returned + $2, psc_released = psc_released + $3 WHERE id = $1`,
      [id, amount, pscReleased],
    );
  }

  /** Closes an active grant; false when it was not active (closed or cancelled already). */
  async closeIfActive(em: EntityManager, id: string, at: Date): Promise<boolean> {
    // in a CTE, so that the driver returns the rows (an UPDATE's result is [rows, count])
    const closed: unknown[] = await em.query(
      `WITH c AS (UPDATE grants SET status = 'closed', closed_at = $2 WHERE id = $1 AND status = 'active' RETURNING 1)
       SELECT 1 FROM c`,
      [id, at],
    );
    return closed.length > 0;
  }
}
