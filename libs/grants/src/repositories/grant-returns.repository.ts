import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

/** Unspent money a grantee returned, with the PSC released on it. */
export interface GrantReturn {
  id: string;
  grantId: string;
  amount: number;
  psc: number;
  note: string;
  effectiveAt: Date;
}

interface ReturnRow {
  id: string;
  grant_id: string;
  amount: string;
  psc_amount: string;
  note: string;
  effective_at: Date;
}

const RETURN_COLUMNS = `id, grant_id, amount, psc_amount, note, effective_at`;

function toReturn(r: ReturnRow): GrantReturn {
  return {
    id: r.id,
    grantId: r.grant_id,
    amount: minor(r.amount, 'return amount'),
    psc: minor(r.psc_amount, 'return psc_amount'),
    note: r.note,
    effectiveAt: r.effective_at,
  };
}

export interface NewGrantReturn {
  grantId: string;
  amount: number;
  psc: number;
  note: string;
  effectiveAt: Date;
  createdBy: string | null;
}

/** The grant_returns table. */
@Injectable()
export class GrantReturnsRepository {
  /** The returns of several grants, newest first. */
  async ofGrants(em: EntityManager, grantIds: readonly string[]): Promise<GrantReturn[]> {
    const rows: ReturnRow[] = await em.query(
      `SELECT ${RETURN_COLUMNS} FROM grant_returns WHERE grant_id = ANY($1::uuid[]) ORDER BY effective_at DESC, id`,
      [grantIds],
    );
    return rows.map(toReturn);
  }

  async insert(em: EntityManager, r: NewGrantReturn): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO grant_returns (grant_id, amount, psc_amount, note, effective_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.grantId, r.amount, r.psc, r.note, r.effectiveAt, r.createdBy],
    );
    return id;
  }
}
