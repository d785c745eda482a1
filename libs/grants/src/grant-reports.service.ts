import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AuditService, Clock, hasRole, JOB, NotFoundError, OutboxService } from '@app/core';
import { reportingBlock } from './domain/reporting';
import { nextAfterReport } from './domain/tranches';
import { GrantReportDto, ReportDecisionDto } from './dto/grants.dto';
import { GrantAgreementService } from './grant-agreement.service';
import { GrantQueriesService } from './grant-queries.service';
import { GrantReportView } from './grant.views';
import { GrantStateConflict, ReportingNotOpen, ReportStateConflict } from './grants.errors';
import { GrantReportsRepository } from './repositories/grant-reports.repository';
import { TranchesRepository } from './repositories/tranches.repository';
import { AmendmentsService } from './post-award/amendments.service';

/** Grantees' progress and final reports, and the fund manager's decision on each. */
@Injectable()
export class GrantReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly agreement: GrantAgreementService,
    private readonly reports: GrantReportsRepository,
    private readonly tranches: TranchesRepository,
    private readonly amendments: AmendmentsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async submitReport(id: string, dto: GrantReportDto, actor: Actor): Promise<GrantReportView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.queries.lockVisible(em, id, actor);
      if (!hasRole(actor, 'ngo') || actor.organizationId !== g.organizationId)
        throw new NotFoundError('grant', id);
      if (g.status !== 'active') throw new GrantStateConflict(g.status);
      const blocked = reportingBlock(g);
      if (blocked === 'offer_not_accepted' || blocked === 'agreement_not_signed')
        throw new ReportingNotOpen(blocked);
      const seen = new Set<string>();
      for (const v of dto.victimsAssisted) {
        const key = `${v.service}/${v.country}`;
        if (seen.has(key)) throw new ReportStateConflict(`victimsAssisted lists ${key} twice`);
        seen.add(key);
      }
      const reportId = await this.reports.insert(em, {
        grantId: id,
        periodEnd: dto.periodEnd,
        spent: dto.spent,
        narrative: dto.narrative,
        final: dto.final ?? false,
        submittedAt: this.clock.now(),
        submittedBy: actor.userId,
        victimsAssisted: dto.victimsAssisted,
      });
      await this.amendments.attachReportIn(em, id, reportId, dto.final ?? false, dto.lines ?? []);
      await this.audit.record(em, actor, {
        action: 'grant.report-submitted',
        entity: 'grant',
        entityId: id,
        summary: { reportId, periodEnd: dto.periodEnd, final: dto.final ?? false },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'report-submitted', reportId });
      const full = await this.queries.view(em, g);
      return full.reports.find((r) => r.id === reportId)!;
    });
  }

  async decideReport(
    id: string,
    reportId: string,
    accept: boolean,
    dto: ReportDecisionDto,
    actor: Actor,
  ): Promise<GrantReportView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.queries.lockVisible(em, id, actor);
      const r = await this.reports.lock(em, id, reportId);
      if (!r) throw new NotFoundError('report', reportId);
      if (r.status !== 'submitted') throw new ReportStateConflict(`The report is already ${r.status}`);
      const now = this.clock.now();
      const comment = dto.comment ?? null;
      await this.reports.decide(em, reportId, accept ? 'accepted' : 'returned', comment, now, actor.userId);
      if (accept) {
        const next = g.signedAt ? nextAfterReport(await this.tranches.ofGrant(em, id)) : undefined;
        if (next) await this.tranches.makeDue(em, id, [next.n], now);
        await this.agreement.closeIfDone(em, id, actor);
      }
      await this.audit.record(em, actor, {
        action: accept ? 'grant.report-accepted' : 'grant.report-returned',
        entity: 'grant',
        entityId: id,
        summary: { reportId, comment },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, {
        grantId: id,
        event: accept ? 'report-accepted' : 'report-returned',
        reportId,
      });
      const full = await this.queries.reread(em, id);
      return full.reports.find((x) => x.id === reportId)!;
    });
  }
}
