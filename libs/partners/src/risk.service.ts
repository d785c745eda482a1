import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, canAccessFund, Clock, NotFoundError, RequestInvalid } from '@app/core';
import { FundsService } from '@app/funds';
import { OrganizationsService, UsersService } from '@app/identity';
import { capacityScore, CAPACITY_QUESTIONS, ratingOf } from './domain/risk';
import { AssessmentDto, FundSettingsDto, ObservationActionDto, ObservationDto } from './dto/risk.dto';
import { assertReadable } from './partner-access';
import { AssessmentView, FundSettingsView, ObservationView } from './partner.views';
import { ObservationClosed } from './partners.errors';
import { Assessment, FundSettings, Observation, RiskRepository } from './repositories/risk.repository';

/** An assessment with its rater's display name (`names`: identity's labels of the raters, by id). */
export const toAssessmentView = (
  a: Assessment,
  names: ReadonlyMap<string, { name: string }>,
): AssessmentView => {
  const { organizationId: _o, ...rest } = a;
  return { ...rest, assessedByName: a.assessedBy ? (names.get(a.assessedBy)?.name ?? null) : null };
};

export const toObservationView = (o: Observation): ObservationView => ({
  id: o.id,
  organizationId: o.organizationId,
  level: o.level,
  status: o.status,
  history: o.history,
  createdAt: o.createdAt,
});

export function toSettingsView(s: FundSettings): FundSettingsView {
  return {
    fundId: s.fundId,
    dueDiligenceRequired: s.dueDiligenceRequired,
    verificationYears: s.verificationYears,
    lowMin: s.lowMin,
    mediumMin: s.mediumMin,
    highMin: s.highMin,
    maxAwardLow: s.maxAward.low,
    maxAwardMedium: s.maxAward.medium,
    maxAwardHigh: s.maxAward.high,
    reportMonthsLow: s.reportMonths.low,
    reportMonthsMedium: s.reportMonths.medium,
    reportMonthsHigh: s.reportMonths.high,
  };
}

/** Fund settings of due diligence, capacity assessments (the risk rating and its history), observations. */
@Injectable()
export class RiskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: RiskRepository,
    private readonly funds: FundsService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async settings(fundId: string, actor: Actor): Promise<FundSettingsView> {
    if (!canAccessFund(actor, fundId)) throw new NotFoundError('fund', fundId);
    const em = this.dataSource.manager;
    await this.funds.getIn(em, fundId);
    return toSettingsView(await this.repo.settings(em, fundId));
  }

  async saveSettings(fundId: string, dto: FundSettingsDto, actor: Actor): Promise<FundSettingsView> {
    if (!canAccessFund(actor, fundId)) throw new NotFoundError('fund', fundId);
    if (!(dto.lowMin > dto.mediumMin && dto.mediumMin > dto.highMin))
      throw new RequestInvalid([
        { field: 'lowMin', messages: ['thresholds must fall: lowMin > mediumMin > highMin'] },
      ]);
    return this.dataSource.transaction(async (em) => {
      await this.funds.getIn(em, fundId);
      const s: FundSettings = {
        fundId,
        dueDiligenceRequired: dto.dueDiligenceRequired,
        verificationYears: dto.verificationYears,
        lowMin: dto.lowMin,
        mediumMin: dto.mediumMin,
        highMin: dto.highMin,
        maxAward: {
          low: dto.maxAwardLow ?? null,
          medium: dto.maxAwardMedium ?? null,
          high: dto.maxAwardHigh ?? null,
        },
        reportMonths: {
          low: dto.reportMonthsLow,
          medium: dto.reportMonthsMedium,
          high: dto.reportMonthsHigh,
        },
      };
      await this.repo.saveSettings(em, s);
      await this.audit.record(em, actor, {
        action: 'partner.fund-settings-changed',
        entity: 'fund',
        entityId: fundId,
        summary: { ...toSettingsView(s) },
      });
      return toSettingsView(s);
    });
  }

  async assess(organizationId: string, dto: AssessmentDto, actor: Actor): Promise<AssessmentView> {
    if (!canAccessFund(actor, dto.fundId)) throw new NotFoundError('fund', dto.fundId);
    const keys = CAPACITY_QUESTIONS.map((q) => q.key as string);
    const answers: Record<string, number> = {};
    for (const a of dto.answers) answers[a.key] = a.score;
    const unknown = Object.keys(answers).filter((k) => !keys.includes(k));
    const missing = keys.filter((k) => !(k in answers));
    if (unknown.length || missing.length || dto.answers.length !== keys.length)
      throw new RequestInvalid([
        {
          field: 'answers',
          messages: [
            `answer each question once: ${keys.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
          ],
        },
      ]);
    return this.dataSource.transaction(async (em) => {
      if (!(await this.organizations.findIn(em, organizationId)))
        throw new NotFoundError('organization', organizationId);
      await this.funds.getIn(em, dto.fundId);
      const settings = await this.repo.settings(em, dto.fundId);
      const score = capacityScore(answers);
      const level = ratingOf(score, settings);
      const a = await this.repo.insertAssessment(em, {
        organizationId,
        fundId: dto.fundId,
        answers,
        score,
        level,
        note: dto.note ?? null,
        assessedBy: actor.userId,
      });
      await this.audit.record(em, actor, {
        action: 'partner.risk-assessed',
        entity: 'organization',
        entityId: organizationId,
        summary: { assessmentId: a.id, fundId: dto.fundId, score, level },
      });
      return toAssessmentView(a, await this.raters(em, [a]));
    });
  }

  /**
   * The rating history, each with its rater's name: fund managers may not read users, so the names come
   * through identity's door (`UsersService.labelsIn`), one query for the whole history.
   */
  async assessments(organizationId: string, actor: Actor): Promise<AssessmentView[]> {
    assertReadable(actor, organizationId);
    const em = this.dataSource.manager;
    const rows = (await this.repo.assessments(em, organizationId)).filter((a) =>
      canAccessFund(actor, a.fundId),
    );
    const names = await this.raters(em, rows);
    return rows.map((a) => toAssessmentView(a, names));
  }

  private raters(em: EntityManager, rows: readonly Assessment[]) {
    const ids = rows.map((a) => a.assessedBy).filter((id): id is string => id !== null);
    return this.users.labelsIn(em, ids);
  }

  async observe(organizationId: string, dto: ObservationDto, actor: Actor): Promise<ObservationView> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.organizations.findIn(em, organizationId)))
        throw new NotFoundError('organization', organizationId);
      const o = await this.repo.insertObservation(
        em,
        organizationId,
        dto.level,
        {
          at: this.clock.now().toISOString(),
          by: actor.userId,
          action: 'raised',
          level: dto.level,
          note: dto.note,
        },
        actor.userId,
      );
      await this.audit.record(em, actor, {
        action: 'partner.observation-raised',
        entity: 'organization',
        entityId: organizationId,
        summary: { observationId: o.id, level: dto.level, note: dto.note },
      });
      return toObservationView(o);
    });
  }

  async actOnObservation(id: string, dto: ObservationActionDto, actor: Actor): Promise<ObservationView> {
    return this.dataSource.transaction(async (em) => {
      const o = await this.repo.lockObservation(em, id);
      if (!o) throw new NotFoundError('observation', id);
      if (o.status !== 'open') throw new ObservationClosed('The observation is resolved');
      if (dto.action === 'escalate' && o.level === 'red')
        throw new ObservationClosed('The observation is already red');
      const level = dto.action === 'escalate' ? 'red' : o.level;
      const status = dto.action === 'resolve' ? 'resolved' : 'open';
      await this.repo.updateObservation(em, id, level, status, {
        at: this.clock.now().toISOString(),
        by: actor.userId,
        action: dto.action === 'escalate' ? 'escalated' : 'resolved',
        level,
        note: dto.note,
      });
      await this.audit.record(em, actor, {
        action: `partner.observation-${dto.action === 'escalate' ? 'escalated' : 'resolved'}`,
        entity: 'organization',
        entityId: o.organizationId,
        summary: { observationId: id, level, note: dto.note },
      });
      return toObservationView((await this.repo.lockObservation(em, id))!);
    });
  }

  async observations(organizationId: string): Promise<ObservationView[]> {
    return (await this.repo.observations(this.dataSource.manager, organizationId)).map(toObservationView);
  }
}
