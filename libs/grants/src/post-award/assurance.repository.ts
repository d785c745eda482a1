import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export type AssuranceKind = 'spot_check' | 'monitoring_visit' | 'audit';
export type Severity = 'low' | 'medium' | 'high';

export interface Activity {
  id: string;
  kind: AssuranceKind;
  plannedOn: string;
  assignee: string;
  state: 'planned' | 'completed';
  reportId: string | null;
  completedAt: Date | null;
}
export interface Finding {
  id: string;
  activityId: string;
  severity: Severity;
  text: string;
  ineligibleAmount: number;
}
export interface ActionPoint {
  id: string;
  findingId: string;
  text: string;
  owner: string;
  dueOn: string;
  state: 'open' | 'closed';
}
export interface Refund {
  id: string;
  findingId: string;
  amount: number;
  state: 'owed' | 'received';
  returnId: string | null;
  receivedAt: Date | null;
}

/** grant_assurance, grant_findings, grant_action_points and grant_refunds. */
@Injectable()
export class AssuranceRepository {
  async activities(em: EntityManager, grantId: string): Promise<Activity[]> {
    const rows: {
      id: string;
      kind: AssuranceKind;
      planned_on: string;
      assignee: string;
      state: Activity['state'];
      report_id: string | null;
      completed_at: Date | null;
    }[] = await em.query(
      `SELECT id, kind, to_char(planned_on, 'YYYY-MM-DD') AS planned_on, assignee, state, report_id, completed_at
       FROM grant_assurance WHERE grant_id = $1 ORDER BY planned_on, created_at, id`,
      [grantId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      plannedOn: r.planned_on,
      assignee: r.assignee,
      state: r.state,
      reportId: r.report_id,
      completedAt: r.completed_at,
    }));
  }

  async insertActivity(
    em: EntityManager,
    grantId: string,
    a: { kind: AssuranceKind; plannedOn: string; assignee: string; reportId: string | null },
    by: string | null,
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO grant_assurance (grant_id, kind, planned_on, assignee, report_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [grantId, a.kind, a.plannedOn, a.assignee, a.reportId, by],
    );
    return id;
  }

  async complete(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.query(`UPDATE grant_assurance SET state = 'completed', completed_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  async findings(em: EntityManager, grantId: string): Promise<Finding[]> {
    const rows: {
      id: string;
      activity_id: string;
      severity: Severity;
      text: string;
      ineligible_amount: string;
    }[] = await em.query(
      `SELECT id, activity_id, severity, text, ineligible_amount FROM grant_findings WHERE grant_id = $1 ORDER BY id`,
      [grantId],
    );
    return rows.map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      severity: r.severity,
      text: r.text,
      ineligibleAmount: minor(r.ineligible_amount, 'ineligible_amount'),
    }));
  }

  async insertFinding(
    em: EntityManager,
    grantId: string,
    activityId: string,
    f: { severity: Severity; text: string; ineligibleAmount: number },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO grant_findings (grant_id, activity_id, severity, text, ineligible_amount)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [grantId, activityId, f.severity, f.text, f.ineligibleAmount],
    );
    return id;
  }

  async actionPoints(em: EntityManager, grantId: string): Promise<ActionPoint[]> {
    const rows: {
      id: string;
      finding_id: string;
      text: string;
      owner: string;
      due_on: string;
      state: ActionPoint['state'];
    }[] = await em.query(
      `SELECT id, finding_id, text, owner, to_char(due_on, 'YYYY-MM-DD') AS due_on, state
       FROM grant_action_points WHERE grant_id = $1 ORDER BY due_on, id`,
      [grantId],
    );
    return rows.map((r) => ({
      id: r.id,
      findingId: r.finding_id,
      text: r.text,
      owner: r.owner,
      dueOn: r.due_on,
      state: r.state,
    }));
  }

  async insertActionPoint(
    em: EntityManager,
    grantId: string,
    findingId: string,
    p: { text: string; owner: string; dueOn: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO grant_action_points (grant_id, finding_id, text, owner, due_on) VALUES ($1, $2, $3, $4, $5)`,
      [grantId, findingId, p.text, p.owner, p.dueOn],
    );
  }

  /** Closes an open action point; false when there is none open by that id on the grant. */
  async closeActionPoint(em: EntityManager, grantId: string, id: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `WITH c AS (UPDATE grant_action_points SET state = 'closed', closed_at = $3
         WHERE grant_id = $1 AND id = $2 AND state = 'open' RETURNING 1) SELECT 1 FROM c`,
      [grantId, id, at],
    );
    return rows.length > 0;
  }

  async refunds(em: EntityManager, grantId: string): Promise<Refund[]> {
    const rows: {
      id: string;
      finding_id: string;
      amount: string;
      state: Refund['state'];
      return_id: string | null;
      received_at: Date | null;
    }[] = await em.query(
      `SELECT id, finding_id, amount, state, return_id, received_at FROM grant_refunds WHERE grant_id = $1 ORDER BY id`,
      [grantId],
    );
    return rows.map((r) => ({
      id: r.id,
      findingId: r.finding_id,
      amount: minor(r.amount, 'amount'),
      state: r.state,
      returnId: r.return_id,
      receivedAt: r.received_at,
    }));
  }

  async insertRefund(em: EntityManager, grantId: string, findingId: string, amount: number): Promise<void> {
    await em.query(`INSERT INTO grant_refunds (grant_id, finding_id, amount) VALUES ($1, $2, $3)`, [
      grantId,
      findingId,
      amount,
    ]);
  }

  async markReceived(em: EntityManager, id: string, returnId: string, at: Date): Promise<void> {
    await em.query(
      `UPDATE grant_refunds SET state = 'received', return_id = $2, received_at = $3 WHERE id = $1`,
      [id, returnId, at],
    );
  }
}
