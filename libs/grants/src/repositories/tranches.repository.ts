import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import type { PlannedTranche, TrancheCondition, TrancheState } from '../domain/tranches';

export interface Tranche {
  grantId: string;
  n: number;
  percent: number;
  amount: number;
  psc: number;
  condition: TrancheCondition;
  state: TrancheState;
  dueAt: Date | null;
  paidAt: Date | null;
  reference: string | null;
}

interface TrancheRow {
  grant_id: string;
  n: number;
  percent: number;
  amount: string;
  psc_amount: string;
  condition: TrancheCondition;
  state: TrancheState;
  due_at: Date | null;
  paid_at: Date | null;
  reference: string | null;
}

const TRANCHE_COLUMNS = `grant_id, n, percent, amount, psc_amount, condition, state, due_at, paid_at, reference`;

function toTranche(r: TrancheRow): Tranche {
  return {
    grantId: r.grant_id,
    n: r.n,
    percent: r.percent,
    amount: minor(r.amount, 'tranche amount'),
    psc: minor(r.psc_amount, 'tranche psc_amount'),
    condition: r.condition,
    state: r.state,
    dueAt: r.due_at,
    paidAt: r.paid_at,
    reference: r.reference,
  };
}

/** The grant_tranches table. */
@Injectable()
export class TranchesRepository {
  /** A grant's tranches in order. */
  async ofGrant(em: EntityManager, grantId: string): Promise<Tranche[]> {
    const rows: TrancheRow[] = await em.query(
      `SELECT ${TRANCHE_COLUMNS} FROM grant_tranches WHERE grant_id = $1 ORDER BY n`,
      [grantId],
    );
    return rows.map(toTranche);
  }

  /** The tranches of several grants, by grant then number (one statement for a page of grants). */
  async ofGrants(em: EntityManager, grantIds: readonly string[]): Promise<Tranche[]> {
    const rows: TrancheRow[] = await em.query(
      `SELECT ${TRANCHE_COLUMNS} FROM grant_tranches WHERE grant_id = ANY($1::uuid[]) ORDER BY grant_id, n`,
      [grantIds],
    );
    return rows.map(toTranche);
  }

  async one(em: EntityManager, grantId: string, n: number): Promise<Tranche | undefined> {
    const [r]: TrancheRow[] = await em.query(
      `SELECT ${TRANCHE_COLUMNS} FROM grant_tranches WHERE grant_id = $1 AND n = $2`,
      [grantId, n],
    );
    return r && toTranche(r);
  }

  /** The tranches not yet paid nor cancelled, in order. */
  async open(em: EntityManager, grantId: string): Promise<Tranche[]> {
    const rows: TrancheRow[] = await em.query(
      `SELECT ${TRANCHE_COLUMNS} FROM grant_tranches WHERE grant_id = $1 AND state IN ('scheduled', 'due') ORDER BY n`,
      [grantId],
    );
    return rows.map(toTranche);
  }

  /** The PSC charged with the paid tranches and the last payment's date (null before any). */
  async paidSummary(
    em: EntityManager,
    grantId: string,
  ): Promise<{ charged: number; lastPaidAt: Date | null }> {
    const [r]: { charged: string; last_paid_at: Date | null }[] = await em.query(
      `SELECT coalesce(sum(psc_amount), 0)::bigint AS charged, max(paid_at) AS last_paid_at
       FROM grant_tranches WHERE grant_id = $1 AND state = 'paid'`,
      [grantId],
    );
    return { charged: minor(r.charged, 'charged'), lastPaidAt: r.last_paid_at };
  }

  async insert(em: EntityManager, grantId: string, tranches: readonly PlannedTranche[]): Promise<void> {
    for (const t of tranches) {
      await em.query(
        `INSERT INTO grant_tranches (grant_id, n, percent, amount, psc_amount, condition) VALUES ($1, $2, $3, $4, $5, $6)`,
        [grantId, t.n, t.percent, t.amount, t.pscAmount, t.condition],
      );
    }
  }

  /** Makes the scheduled tranches numbered `ns` due at `at`. */
  async makeDue(em: EntityManager, grantId: string, ns: readonly number[], at: Date): Promise<void> {
    await em.query(
      `UPDATE grant_tranches SET state = 'due', due_at = $3
       WHERE grant_id = $1 AND n = ANY($2::int[]) AND state = 'scheduled'`,
      [grantId, ns, at],
    );
  }

  async markPaid(
    em: EntityManager,
    grantId: string,
    n: number,
    at: Date,
    reference: string | null,
  ): Promise<void> {
    await em.query(
      `UPDATE grant_tranches SET state = 'paid', paid_at = $3, reference = $4 WHERE grant_id = $1 AND n = $2`,
      [grantId, n, at, reference],
    );
  }

  /** Cancels every tranche not yet paid nor cancelled. */
  async cancelOpen(em: EntityManager, grantId: string, at: Date): Promise<void> {
    await em.query(
      `UPDATE grant_tranches SET state = 'cancelled', cancelled_at = $2 WHERE grant_id = $1 AND state IN ('scheduled', 'due')`,
      [grantId, at],
    );
  }
}
