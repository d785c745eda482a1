import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  IdempotencyClaim,
  IdempotencyService,
  JOB,
  NotFoundError,
  OutboxService,
} from '@app/core';
import { effectiveDate } from '@app/funds';
import { DisbursementsService } from '../disbursements.service';
import { GrantQueriesService } from '../grant-queries.service';
import { GrantStateConflict } from '../grants.errors';
import { GrantReportsRepository } from '../repositories/grant-reports.repository';
import { Grant, GrantsRepository } from '../repositories/grants.repository';
import { AssuranceRepository } from './assurance.repository';
import { AssuranceDto, CompleteAssuranceDto, ReceiveRefundDto } from './post-award.dto';
import { AssuranceStateConflict, CloseOutBlocked, RefundTooLarge } from './post-award.errors';
import { PostAwardQueriesService } from './post-award-queries.service';
import { PostAwardView } from './post-award.views';

/**
 * Assurance and close-out: spot checks, monitoring visits and audits with their findings and action points;
 * ineligible costs become a refund the grantee owes, received as a return (its PSC released as any return);
 * the close-out gate closes the grant only when nothing is open.
 */
@Injectable()
export class AssuranceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly view: PostAwardQueriesService,
    private readonly grants: GrantsRepository,
    private readonly reports: GrantReportsRepository,
    private readonly assurance: AssuranceRepository,
    private readonly disbursements: DisbursementsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async plan(id: string, dto: AssuranceDto, actor: Actor): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.active(em, id, actor);
      if (dto.reportId && !(await this.reports.lock(em, id, dto.reportId))) {
        throw new NotFoundError('report', dto.reportId);
      }
      const activityId = await this.assurance.insertActivity(
        em,
        id,
        { kind: dto.kind, plannedOn: dto.plannedOn, assignee: dto.assignee, reportId: dto.reportId ?? null },
        actor.userId,
      );
      await this.audit.record(em, actor, {
        action: 'grant.assurance-planned',
        entity: 'grant',
        entityId: id,
        summary: { activityId, kind: dto.kind, plannedOn: dto.plannedOn },
      });
      return this.view.viewIn(em, g);
    });
  }

  /** Records an activity's findings (with action points and refunds) and completes it. */
  async complete(
    id: string,
    activityId: string,
    dto: CompleteAssuranceDto,
    actor: Actor,
  ): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.active(em, id, actor);
      const activity = (await this.assurance.activities(em, id)).find((a) => a.id === activityId);
      if (!activity) throw new NotFoundError('resource', `${id}/assurance/${activityId}`);
      if (activity.state === 'completed')
        throw new AssuranceStateConflict('The activity is completed already');
      const owed = (await this.assurance.refunds(em, id))
        .filter((r) => r.state === 'owed')
        .reduce((s, r) => s + r.amount, 0);
      const asked = dto.findings.reduce((s, f) => s + (f.ineligibleAmount ?? 0), 0);
      const maximum = g.paid - g.returned - owed;
      if (asked > maximum) throw new RefundTooLarge(Math.max(maximum, 0));
      for (const f of dto.findings) {
        const findingId = await this.assurance.insertFinding(em, id, activityId, {
          severity: f.severity,
          text: f.text,
          ineligibleAmount: f.ineligibleAmount ?? 0,
        });
        for (const p of f.actionPoints ?? []) await this.assurance.insertActionPoint(em, id, findingId, p);
        if (f.ineligibleAmount) await this.assurance.insertRefund(em, id, findingId, f.ineligibleAmount);
      }
      await this.assurance.complete(em, activityId, this.clock.now());
      await this.audit.record(em, actor, {
        action: 'grant.assurance-completed',
        entity: 'grant',
        entityId: id,
        summary: { activityId, findings: dto.findings.length, refund: asked },
      });
      if (asked > 0) await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'refund-owed' });
      return this.view.viewIn(em, g);
    });
  }

  async closeActionPoint(id: string, pointId: string, actor: Actor): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.active(em, id, actor);
      const point = (await this.assurance.actionPoints(em, id)).find((p) => p.id === pointId);
      if (!point) throw new NotFoundError('resource', `${id}/action-points/${pointId}`);
      if (!(await this.assurance.closeActionPoint(em, id, pointId, this.clock.now()))) {
        throw new AssuranceStateConflict('The action point is closed already');
      }
      await this.audit.record(em, actor, {
        action: 'grant.action-point-closed',
        entity: 'grant',
        entityId: id,
        summary: { actionPointId: pointId },
      });
      return this.view.viewIn(em, g);
    });
  }

  /** The grantee paid the refund back: a return (PSC released at the grant's rate), the refund received. */
  async receiveRefund(
    id: string,
    refundId: string,
    dto: ReceiveRefundDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<PostAwardView> {
    const effectiveAt = effectiveDate(dto.effectiveAt, this.clock.now(), 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const g = await this.active(em, id, actor);
      const refund = (await this.assurance.refunds(em, id)).find((r) => r.id === refundId);
      if (!refund) throw new NotFoundError('resource', `${id}/refunds/${refundId}`);
      if (refund.state !== 'owed') throw new AssuranceStateConflict('The refund was received already');
      const r = await this.disbursements.addReturnIn(
        em,
        g,
        refund.amount,
        dto.note ?? `Refund of ineligible costs (${refundId})`,
        effectiveAt,
        actor,
      );
      await this.assurance.markReceived(em, refundId, r.returnId, effectiveAt);
      await this.audit.record(em, actor, {
        action: 'grant.refund-received',
        entity: 'grant',
        entityId: id,
        summary: { refundId, returnId: r.returnId, amount: refund.amount, pscReleased: r.psc },
      });
      const view = await this.view.viewIn(em, (await this.grants.byId(em, id))!);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  /**
   * The close-out gate: 409 naming what is open (final report, tranches, refunds, action points, audits,
   * amendments awaiting a decision). Every tranche is paid or cancelled by then, so the commitment left is
   * nothing: what was not paid was released when its tranche was cancelled.
   */
  async close(id: string, actor: Actor): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.active(em, id, actor);
      const open = await this.view.openItemsIn(em, id);
      if (open.length) throw new CloseOutBlocked(open);
      if (!(await this.grants.closeIfActive(em, id, this.clock.now())))
        throw new GrantStateConflict(g.status);
      await this.audit.record(em, actor, {
        action: 'grant.closed',
        entity: 'grant',
        entityId: id,
        summary: { paid: g.paid, returned: g.returned, cancelled: g.cancelled },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'closed' });
      return this.view.viewIn(em, (await this.grants.byId(em, id))!);
    });
  }

  private async active(em: EntityManager, id: string, actor: Actor): Promise<Grant> {
    const g = await this.queries.lockVisible(em, id, actor);
    if (g.status !== 'active') throw new GrantStateConflict(g.status);
    return g;
  }
}
