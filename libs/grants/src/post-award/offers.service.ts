import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  canAccessFund,
  Clock,
  IdempotencyClaim,
  IdempotencyService,
  JOB,
  NotFoundError,
  OutboxService,
} from '@app/core';
import { ApplicationQueriesService } from '@app/applications';
import { FundsService } from '@app/funds';
import { NotificationsService } from '@app/identity';
import { DisbursementsService } from '../disbursements.service';
import { GrantQueriesService } from '../grant-queries.service';
import { GrantStateConflict } from '../grants.errors';
import { Grant, GrantsRepository } from '../repositories/grants.repository';
import { AgreementSigningService } from './agreement-signing.service';
import { AmendmentsRepository } from './amendments.repository';
import { OffersRepository } from './offers.repository';
import { AcceptOfferDto, PostAwardSettingsDto, OfferNoteDto } from './post-award.dto';
import { InvalidSignatory, OfferStateConflict } from './post-award.errors';
import { PostAwardQueriesService } from './post-award-queries.service';
import {
  addMonths,
  DEFAULT_PERIOD_MONTHS,
  isoDate,
  planAssurance,
  planScheduleByRisk,
  scaleBudget,
} from './post-award.rules';
import type { RiskLevel } from './special-conditions';

/** Who an activity planned by risk is assigned to until a fund manager names someone. */
export const RISK_PLAN_ASSIGNEE = 'Fund manager (planned by risk level)';
import { PostAwardSettingsView, PostAwardView } from './post-award.views';

/**
 * The award's offer: the fund's workflow setting, what approval starts (budget lines, report schedule and, in
 * the full workflow, an offer with its answer date), and the grantee's acceptance or refusal or the fund
 * manager's withdrawal. Refusing and withdrawing release the commitment and its PSC through the cancellation.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly view: PostAwardQueriesService,
    private readonly grants: GrantsRepository,
    private readonly offers: OffersRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly signing: AgreementSigningService,
    private readonly disbursements: DisbursementsService,
    private readonly applications: ApplicationQueriesService,
    private readonly funds: FundsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async settings(fundId: string, actor: Actor): Promise<PostAwardSettingsView> {
    if (!canAccessFund(actor, fundId)) throw new NotFoundError('fund', fundId);
    const em = this.dataSource.manager;
    await this.funds.getIn(em, fundId);
    return this.offers.settings(em, fundId);
  }

  async saveSettings(
    fundId: string,
    dto: PostAwardSettingsDto,
    actor: Actor,
  ): Promise<PostAwardSettingsView> {
    if (!canAccessFund(actor, fundId)) throw new NotFoundError('fund', fundId);
    return this.dataSource.transaction(async (em) => {
      await this.funds.getIn(em, fundId);
      const s = { fundId, workflow: dto.workflow, acceptanceDays: dto.acceptanceDays };
      await this.offers.saveSettings(em, s, actor.userId);
      await this.audit.record(em, actor, {
        action: 'fund.post-award-settings',
        entity: 'fund',
        entityId: fundId,
        summary: { workflow: s.workflow, acceptanceDays: s.acceptanceDays },
      });
      return s;
    });
  }

  /**
   * What approval starts, in the decision's transaction: the fund's workflow, the budget from the
   * application's lines scaled to the award, the report schedule over the period and (full workflow) the
   * offer with its answer date.
   */
  async openIn(
    em: EntityManager,
    grant: {
      id: string;
      applicationId: string;
      fundId: string;
      amount: number;
      tranches: number;
      afterReport: number;
    },
    now: Date,
    risk: { level: RiskLevel; reportEveryMonths: number | null } | null = null,
  ): Promise<void> {
    const start = isoDate(now);
    const end = addMonths(start, DEFAULT_PERIOD_MONTHS);
    const lines = await this.applications.budgetLinesIn(em, grant.applicationId);
    // A risk rating (due diligence, through the decision's terms) sets the report frequency and plans the
    // assurance; without one the schedule is one report per tranche and nothing is planned (ADR 0017).
    const schedule = planScheduleByRisk(
      grant.tranches,
      grant.afterReport,
      start,
      end,
      risk?.reportEveryMonths ?? null,
    );
    const assurance = risk
      ? planAssurance(
          risk.level,
          grant.tranches,
          start,
          end,
          schedule.filter((e) => !e.final).map((e) => e.dueOn),
        ).map((a) => ({ ...a, assignee: RISK_PLAN_ASSIGNEE }))
      : [];
    await this.offers.open(
      em,
      grant.id,
      grant.fundId,
      now,
      end,
      scaleBudget(
        lines.map((l) => ({ label: `${l.category}: ${l.description}`, amount: l.amount })),
        grant.amount,
      ),
      schedule,
      assurance,
    );
  }

  /** The grantee accepts, naming the agreement's language and its signatory; the agreement is generated. */
  async accept(id: string, dto: AcceptOfferDto, actor: Actor): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.offered(em, id, actor);
      const members = await this.notifications.usersOfOrganization(em, g.organizationId, 'ngo');
      if (!members.includes(dto.signatoryId)) throw new InvalidSignatory();
      const now = this.clock.now();
      await this.offers.decide(em, id, 'accepted', now, null, dto);
      const v = await this.signing.generateIn(em, g);
      await this.audit.record(em, actor, {
        action: 'grant.offer-accepted',
        entity: 'grant',
        entityId: id,
        summary: {
          language: dto.language,
          signatoryId: dto.signatoryId,
          version: v.version,
          sha256: v.sha256,
        },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'accepted' });
      return this.view.viewIn(em, g);
    });
  }

  /** The grantee declines: the award's commitment and PSC go back to available. */
  async decline(
    id: string,
    dto: OfferNoteDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<PostAwardView> {
    return this.release(id, 'declined', dto, actor, claim);
  }

  /** The fund manager withdraws an offer not accepted yet: the same release. */
  async withdraw(
    id: string,
    dto: OfferNoteDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<PostAwardView> {
    return this.release(id, 'withdrawn', dto, actor, claim);
  }

  private async release(
    id: string,
    state: 'declined' | 'withdrawn',
    dto: OfferNoteDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.offered(em, id, actor);
      const now = this.clock.now();
      await this.offers.decide(em, id, state, now, dto.reason);
      await this.disbursements.cancelIn(
        em,
        g,
        `offer ${state}: ${dto.reason}`,
        now,
        actor,
        state === 'declined' ? 'grant.offer-declined' : 'grant.offer-withdrawn',
      );
      const view = await this.view.viewIn(em, (await this.grants.byId(em, id))!);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  /** The grant, locked, with an offer still open (the full workflow, not answered yet). */
  private async offered(em: EntityManager, id: string, actor: Actor): Promise<Grant> {
    const g = await this.queries.lockVisible(em, id, actor);
    const offer = await this.offers.offer(em, id);
    if (offer.workflow !== 'full')
      throw new OfferStateConflict('The fund uses the simple workflow: there is no offer to answer');
    // The offer's answer first: a withdrawn or declined offer has also cancelled the grant, and the
    // loser of an accept/withdraw race is told about the offer, not the grant.
    if (offer.offerState !== 'offered') throw new OfferStateConflict(`The offer is ${offer.offerState}`);
    if (g.status !== 'active') throw new GrantStateConflict(g.status);
    return g;
  }
}
