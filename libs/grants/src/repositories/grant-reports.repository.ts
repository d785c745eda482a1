import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export type ReportStatus = 'submitted' | 'accepted' | 'returned';

export interface VictimsCount {
  service: string;
  country: string;
  count: number;
}

/** A grantee's report with the victims it counts (aggregates only). */
export interface GrantReport {
  id: string;
  grantId: string;
  periodEnd: string;
  spent: number;
  narrative: string;
  final: boolean;
  status: ReportStatus;
  comment: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  victimsAssisted: VictimsCount[];
}

interface ReportRow {
  id: string;
  grant_id: string;
  period_end: string;
  spent: string;
  narrative: string;
  final: boolean;
  status: ReportStatus;
  comment: string | null;
  submitted_at: Date;
  decided_at: Date | null;
}

interface VictimsRow {
  report_id: string;
  service: string;
  country: string;
  count: number;
}

const REPORT_COLUMNS = `id, grant_id, to_char(period_end, 'YYYY-MM-DD') AS period_end, spent, narrative, final, status,
  comment, submitted_at, decided_at`;
const VICTIMS_COLUMNS = `report_id, service, country, count`;

function toReport(r: ReportRow, victims: readonly VictimsRow[]): GrantReport {
  return {
    id: r.id,
    grantId: r.grant_id,
    periodEnd: r.period_end,
    spent: minor(r.spent, 'spent'),
    narrative: r.narrative,
    final: r.final,
    status: r.status,
    comment: r.comment,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    victimsAssisted: victims.map((v) => ({ service: v.service, country: v.country.trim(), count: v.count })),
  };
}

export interface NewGrantReport {
  grantId: string;
  periodEnd: string;
  spent: number;
  narrative: string;
  final: boolean;
  submittedAt: Date;
  submittedBy: string | null;
  victimsAssisted: readonly VictimsCount[];
}

/** The grant_reports and grant_report_victims tables. */
@Injectable()
export class GrantReportsRepository {
  /** The reports of several grants, newest first, with their victims (two statements). */
  async ofGrants(em: EntityManager, grantIds: readonly string[]): Promise<GrantReport[]> {
    const rows: ReportRow[] = await em.query(
      `SELECT ${REPORT_COLUMNS} FROM grant_reports WHERE grant_id = ANY($1::uuid[]) ORDER BY submitted_at DESC, id`,
      [grantIds],
    );
    if (!rows.length) return [];
    const victims: VictimsRow[] = await em.query(
      `SELECT ${VICTIMS_COLUMNS} FROM grant_report_victims WHERE report_id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    const byReport = new Map<string, VictimsRow[]>();
    for (const v of victims) byReport.set(v.report_id, [...(byReport.get(v.report_id) ?? []), v]);
    return rows.map((r) => toReport(r, byReport.get(r.id) ?? []));
  }

  /** A report of the grant, locked (without its victims, which a decision does not change). */
  async lock(em: EntityManager, grantId: string, reportId: string): Promise<GrantReport | undefined> {
    const [r]: ReportRow[] = await em.query(
      `SELECT ${REPORT_COLUMNS} FROM grant_reports WHERE id = $1 AND grant_id = $2 FOR UPDATE`,
      [reportId, grantId],
    );
    return r && toReport(r, []);
  }

  /** How many of a grant's reports are accepted. */
  async acceptedCount(em: EntityManager, grantId: string): Promise<number> {
    const [r]: { n: string }[] = await em.query(
      `SELECT count(*) AS n FROM grant_reports WHERE grant_id = $1 AND status = 'accepted'`,
      [grantId],
    );
    return minor(r.n, 'count');
  }

  async finalAccepted(em: EntityManager, grantId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM grant_reports WHERE grant_id = $1 AND final AND status = 'accepted' LIMIT 1`,
      [grantId],
    );
    return rows.length > 0;
  }

  /** Whether the grant has a report submitted since `since` that was not returned. */
  async reportedSince(em: EntityManager, grantId: string, since: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM grant_reports WHERE grant_id = $1 AND submitted_at >= $2 AND status <> 'returned' LIMIT 1`,
      [grantId, since],
    );
    return rows.length > 0;
  }

  async insert(em: EntityManager, r: NewGrantReport): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO grant_reports (grant_id, period_end, spent, narrative, final, submitted_at, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [r.grantId, r.periodEnd, r.spent, r.narrative, r.final, r.submittedAt, r.submittedBy],
    );
    for (const v of r.victimsAssisted) {
      await em.query(
        `INSERT INTO grant_report_victims (report_id, service, country, count) VALUES ($1, $2, $3, $4)`,
        [id, v.service, v.country, v.count],
      );
    }
    return id;
  }

  async decide(
    em: EntityManager,
    reportId: string,
    status: 'accepted' | 'returned',
    comment: string | null,
    at: Date,
    by: string | null,
  ): Promise<void> {
    await em.query(
      `UPDATE grant_reports SET status = $2, comment = $3, decided_at = $4, decided_by = $5 WHERE id = $1`,
      [reportId, status, comment, at, by],
    );
  }
}
