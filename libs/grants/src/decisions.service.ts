import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  applyBps,
  AuditService,
  canAccessFund,
  Clock,
  DueDiligenceGate,
  IdempotencyClaim,
  IdempotencyService,
  JOB,
  NotFoundError,
  OutboxService,
} from '@app/core';
import { ApplicationsService } from '@app/applications';
import { CallsService } from '@app/calls';
import { FundsService, LedgerService, Postings } from '@app/funds';
import { DEFAULT_SCHEDULE, planTranches, scheduleProblems, termOverrides } from './domain/tranches';
import { DecisionDto } from './dto/grants.dto';
import { DecisionView } from './grant.views';
import {
  DecisionNotAllowed,
  EnvelopeExceeded,
  InvalidAward,
  InvalidSchedule,
  OverrideReasonRequired,
} from './grants.errors';
import { GrantsRepository } from './repositories/grants.repository';
import { TranchesRepository } from './repositories/tranches.repository';
import { OffersService } from './post-award/offers.service';

/**
 * Approving an application creates its grant and tranches and commits the amount plus PSC in the ledger,
 * in one transaction; rejecting records the decision. Locks: the application, then its call (envelope),
 * then (in the ledger) the fund's available row.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly calls: CallsService,
    private readonly funds: FundsService,
    private readonly grants: GrantsRepository,
    private readonly tranches: TranchesRepository,
    private readonly offers: OffersService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly dueDiligence: DueDiligenceGate,
  ) {}

  async decide(
    applicationId: string,
    dto: DecisionDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<DecisionView> {
    if (dto.decision === 'approve' && dto.tranches) {
      const problems = scheduleProblems(dto.tranches);
      if (problems.length) throw new InvalidSchedule(problems);
    }
    return this.dataSource.transaction(async (em) => {
      const app = await this.applications.lockById(em, applicationId);
      if (!canAccessFund(actor, app.fundId)) throw new NotFoundError('application', applicationId);
      const call = await this.calls.lockById(em, app.callId);
      if (call.status !== 'closed' && call.status !== 'under_review') {
        throw new DecisionNotAllowed(`Decisions are taken once the call is closed (it is ${call.status})`);
      }
      if (app.status !== 'eligible') {
        throw new DecisionNotAllowed(`Only an eligible application can be decided (it is ${app.status})`);
      }
      const fund = await this.funds.getIn(em, app.fundId);
      const currency = fund.currency.trim();
      const now = this.clock.now();
      let view: DecisionView;
      if (dto.decision === 'reject') {
        await this.applications.setDecision(em, app.id, 'rejected', actor);
        view = {
          applicationId: app.id,
          decision: 'reject',
          grantId: null,
          amount: null,
          psc: null,
          currency,
          note: dto.note,
          available: null,
        };
      } else {
        // Due diligence (the partners context, through core's port): a sanctions hit, a red flag or a
        // not-eligible rating refuse; a risk rating sets the default schedule and the maximum award.
        const terms = await this.dueDiligence.termsForAward(em, app.organizationId, app.fundId);
        const amount = dto.amount ?? app.requested;
        if (amount > app.requested)
          throw new InvalidAward(`amount ${amount} exceeds the request ${app.requested}`);
        if (call.minAward !== null && amount < call.minAward) {
          throw new InvalidAward(`amount ${amount} is below the call's minimum award ${call.minAward}`);
        }
        if (call.maxAward !== null && amount > call.maxAward) {
          throw new InvalidAward(`amount ${amount} is above the call's maximum award ${call.maxAward}`);
        }
        if (call.envelope !== null) {
          const committed = await this.grants.committedOnCall(em, call.id);
          if (committed + amount > call.envelope) {
            throw new EnvelopeExceeded(call.envelope, committed, amount);
          }
        }
        const overrides = termOverrides(terms, amount, dto.tranches);
        const overrideReason = dto.overrideReason?.trim() || null;
        if (overrides.length && !overrideReason) throw new OverrideReasonRequired(overrides);
        const psc = applyBps(amount, fund.pscRateBps);
        const tranches = planTranches(amount, psc, dto.tranches ?? terms?.tranches ?? DEFAULT_SCHEDULE);
        const grantId = await this.grants.insert(em, {
          applicationId: app.id,
          callId: app.callId,
          fundId: app.fundId,
          organizationId: app.organizationId,
          title: app.title,
          countries: app.countries,
          services: app.services,
          currency,
          amount,
          pscRateBps: fund.pscRateBps,
          psc,
          note: dto.note,
          approvedAt: now,
          approvedBy: actor.userId,
        });
        await this.tranches.insert(em, grantId, tranches);
        await this.offers.openIn(
          em,
          {
            id: grantId,
            applicationId: app.id,
            fundId: app.fundId,
            amount,
            tranches: tranches.length,
            afterReport: tranches.filter((t) => t.condition === 'after_report').length,
          },
          now,
          terms ? { level: terms.riskLevel, reportEveryMonths: terms.reportEveryMonths } : null,
        );
        await this.applications.setDecision(em, app.id, 'approved', actor);
        const posted = await this.ledger.post(
          em,
          {
            fundId: app.fundId,
            kind: 'grant_commitment',
            sourceType: 'grant_commitment',
            sourceId: grantId,
            description: `Grant for "${app.title}"`,
            effectiveAt: now,
            lines: Postings.grantCommitment(amount, psc),
          },
          actor,
          currency,
        );
        await this.audit.record(em, actor, {
          action: 'grant.approved',
          entity: 'grant',
          entityId: grantId,
          summary: {
            applicationId: app.id,
            amount,
            psc,
            pscRateBps: fund.pscRateBps,
            tranches: tranches.length,
            riskLevel: terms?.riskLevel ?? null,
            reportEveryMonths: terms?.reportEveryMonths ?? null,
          },
        });
        if (overrides.length)
          await this.audit.record(em, actor, {
            action: 'grant.terms-overridden',
            entity: 'grant',
            entityId: grantId,
            summary: { riskLevel: terms?.riskLevel ?? null, overrides, reason: overrideReason },
          });
        await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId, event: 'approved' });
        view = {
          applicationId: app.id,
          decision: 'approve',
          grantId,
          amount,
          psc,
          currency,
          note: dto.note,
          available: posted.available,
        };
      }
      await this.applications.decideCallIfSettled(em, call.id, actor);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }
}
