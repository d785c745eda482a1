import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor, RiskLevel } from '@app/core';
import type { RiskRating } from '../domain/risk';

export interface FundSettings {
  fundId: string;
  dueDiligenceRequired: boolean;
  verificationYears: number;
  lowMin: number;
  mediumMin: number;
  highMin: number;
  maxAward: Record<RiskLevel, number | null>;
  reportMonths: Record<RiskLevel, number>;
}

interface SettingsRow {
  fund_id: string;
  due_diligence_required: boolean;
  verification_years: number;
  low_min: number;
  medium_min: number;
  high_min: number;
  max_award_low: string | null;
  max_award_medium: string | null;
  max_award_high: string | null;
  report_months_low: number;
  report_months_medium: number;
  report_months_high: number;
}

const SETTINGS_COLUMNS = `fund_id, due_diligence_required, verification_years, low_min, medium_min, high_min,
  max_award_low, max_award_medium, max_award_high, report_months_low, report_months_medium, report_months_high`;

const orNull = (v: string | null, what: string) => (v === null ? null : minor(v, what));

/** A fund's settings, or the defaults when the fund never set any (due diligence off, 5 years). */
export function defaultSettings(fundId: string): FundSettings {
  return {
    fundId,
    dueDiligenceRequired: false,
    verificationYears: 5,
    lowMin: 75,
    mediumMin: 50,
    highMin: 30,
    maxAward: { low: null, medium: null, high: null },
    reportMonths: { low: 12, medium: 6, high: 3 },
  };
}

function toSettings(r: SettingsRow): FundSettings {
  return {
    fundId: r.fund_id,
    dueDiligenceRequired: r.due_diligence_required,
    verificationYears: r.verification_years,
    lowMin: r.low_min,
    mediumMin: r.medium_min,
    highMin: r.high_min,
    maxAward: {
      low: orNull(r.max_award_low, 'max_award_low'),
      medium: orNull(r.max_award_medium, 'max_award_medium'),
      high: orNull(r.max_award_high, 'max_award_high'),
    },
    reportMonths: { low: r.report_months_low, medium: r.report_months_medium, high: r.report_months_high },
  };
}

export interface Assessment {
  id: string;
  organizationId: string;
  fundId: string;
  answers: Record<string, number>;
  score: number;
  level: RiskRating;
  note: string | null;
  assessedBy: string | null;
  createdAt: Date;
}

interface AssessmentRow {
  id: string;
  organization_id: string;
  fund_id: string;
  answers: Record<string, number>;
  score: number;
  level: RiskRating;
  note: string | null;
  assessed_by: string | null;
  created_at: Date;
}

const ASSESSMENT_COLUMNS = `id, organization_id, fund_id, answers, score, level, note, assessed_by, created_at`;

const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  organizationId: r.organization_id,
  fundId: r.fund_id,
  answers: r.answers,
  score: r.score,
  level: r.level,
  note: r.note,
  assessedBy: r.assessed_by,
  createdAt: r.created_at,
});

export interface ObservationEvent {
  at: string;
  by: string | null;
  action: 'raised' | 'escalated' | 'resolved';
  level: 'yellow' | 'red';
  note: string;
}

export interface Observation {
  id: string;
  organizationId: string;
  level: 'yellow' | 'red';
  status: 'open' | 'resolved';
  history: ObservationEvent[];
  createdAt: Date;
  updatedAt: Date;
}

interface ObservationRow {
  id: string;
  organization_id: string;
  level: 'yellow' | 'red';
  status: 'open' | 'resolved';
  history: ObservationEvent[];
  created_at: Date;
  updated_at: Date;
}

const OBSERVATION_COLUMNS = `id, organization_id, level, status, history, created_at, updated_at`;

const toObservation = (r: ObservationRow): Observation => ({
  id: r.id,
  organizationId: r.organization_id,
  level: r.level,
  status: r.status,
  history: r.history,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Fund settings of due diligence, capacity assessments and observations (the only SQL on them). */
@Injectable()
export class RiskRepository {
  async settings(em: EntityManager, fundId: string): Promise<FundSettings> {
    const [row] = (await em.query(
      `SELECT ${SETTINGS_COLUMNS} FROM partner_fund_settings WHERE fund_id = $1`,
      [fundId],
    )) as SettingsRow[];
    return row ? toSettings(row) : defaultSettings(fundId);
  }

  async saveSettings(em: EntityManager, s: FundSettings): Promise<void> {
    await em.query(
      `INSERT INTO partner_fund_settings (fund_id, due_diligence_required, verification_years, low_min, medium_min,
         high_min, max_award_low, max_award_medium, max_award_high, report_months_low, report_months_medium,
         report_months_high)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (fund_id) DO UPDATE SET due_diligence_required = $2, verification_years = $3, low_min = $4,
         medium_min = $5, high_min = $6, max_award_low = $7, max_award_medium = $8, max_award_high = $9,
         report_months_low = $10, report_months_medium = $11, report_months_high = $12, updated_at = now()`,
      [
        s.fundId,
        s.dueDiligenceRequired,
        s.verificationYears,
        s.lowMin,
        s.mediumMin,
        s.highMin,
        s.maxAward.low,
        s.maxAward.medium,
        s.maxAward.high,
        s.reportMonths.low,
        s.reportMonths.medium,
        s.reportMonths.high,
      ],
    );
  }

  async insertAssessment(em: EntityManager, a: Omit<Assessment, 'id' | 'createdAt'>): Promise<Assessment> {
    const [row] = (await em.query(
      `INSERT INTO risk_assessments (organization_id, fund_id, answers, score, level, note, assessed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ASSESSMENT_COLUMNS}`,
      [a.organizationId, a.fundId, JSON.stringify(a.answers), a.score, a.level, a.note, a.assessedBy],
    )) as AssessmentRow[];
    return toAssessment(row);
  }

  async assessments(em: EntityManager, organizationId: string): Promise<Assessment[]> {
    const rows = (await em.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM risk_assessments WHERE organization_id = $1 ORDER BY created_at DESC, id`,
      [organizationId],
    )) as AssessmentRow[];
    return rows.map(toAssessment);
  }

  async currentRating(em: EntityManager, organizationId: string, fundId: string): Promise<Assessment | null> {
    const [row] = (await em.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM risk_assessments WHERE organization_id = $1 AND fund_id = $2
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [organizationId, fundId],
    )) as AssessmentRow[];
    return row ? toAssessment(row) : null;
  }

  async insertObservation(
    em: EntityManager,
    organizationId: string,
    level: 'yellow' | 'red',
    first: ObservationEvent,
    by: string | null,
  ): Promise<Observation> {
    const [row] = (await em.query(
      `INSERT INTO partner_observations (organization_id, level, history, created_by) VALUES ($1, $2, $3, $4)
       RETURNING ${OBSERVATION_COLUMNS}`,
      [organizationId, level, JSON.stringify([first]), by],
    )) as ObservationRow[];
    return toObservation(row);
  }

  async lockObservation(em: EntityManager, id: string): Promise<Observation | null> {
    const [row] = (await em.query(
      `SELECT ${OBSERVATION_COLUMNS} FROM partner_observations WHERE id = $1 FOR UPDATE`,
      [id],
    )) as ObservationRow[];
    return row ? toObservation(row) : null;
  }

  async updateObservation(
    em: EntityManager,
    id: string,
    level: string,
    status: string,
    event: ObservationEvent,
  ): Promise<void> {
    await em.query(
      `UPDATE partner_observations SET level = $2, status = $3, history = history || $4::jsonb, updated_at = now()
        WHERE id = $1`,
      [id, level, status, JSON.stringify([event])],
    );
  }

  async observations(em: EntityManager, organizationId: string): Promise<Observation[]> {
    const rows = (await em.query(
      `SELECT ${OBSERVATION_COLUMNS} FROM partner_observations WHERE organization_id = $1 ORDER BY created_at DESC, id`,
      [organizationId],
    )) as ObservationRow[];
    return rows.map(toObservation);
  }

  async openRedFlags(em: EntityManager, organizationId: string): Promise<number> {
    const [row] = (await em.query(
      `SELECT count(*)::int AS n FROM partner_observations WHERE organization_id = $1 AND status = 'open' AND level = 'red'`,
      [organizationId],
    )) as { n: number }[];
    return row.n;
  }

  /** The current rating of several organizations in each fund (the latest assessment per pair). */
  async currentRatingsOfMany(em: EntityManager, organizationIds: readonly string[]): Promise<Assessment[]> {
    const rows = (await em.query(
      `SELECT DISTINCT ON (organization_id, fund_id) ${ASSESSMENT_COLUMNS} FROM risk_assessments
        WHERE organization_id = ANY($1::uuid[]) ORDER BY organization_id, fund_id, created_at DESC, id DESC`,
      [organizationIds],
    )) as AssessmentRow[];
    return rows.map(toAssessment);
  }

  /** Open red flags of several organizations (those without any are left out). */
  async openRedFlagsOfMany(
    em: EntityManager,
    organizationIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows = (await em.query(
      `SELECT organization_id, count(*)::int AS n FROM partner_observations
        WHERE organization_id = ANY($1::uuid[]) AND status = 'open' AND level = 'red' GROUP BY organization_id`,
      [organizationIds],
    )) as { organization_id: string; n: number }[];
    return new Map(rows.map((r) => [r.organization_id, r.n]));
  }
}
