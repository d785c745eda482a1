import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  applyBps,
  AuditService,
  canAccessFund,
  Clock,
  IdempotencyClaim,
  IdempotencyService,
  JOB,
  minor,
  NotFoundError,
  OutboxService,
} from '@app/core';
import { ApplicationsService } from '@app/applications';
import { CallsService } from '@app/calls';
import { LedgerService, Postings } from '@app/funds';
import { DEFAULT_SCHEDULE, planTranches, scheduleProblems } from './domain/tranches';
import { DecisionDto, DecisionView } from './dto/grants.dto';
import { DecisionNotAllowed, EnvelopeExceeded, InvalidAward, InvalidSchedule } from './grants.errors';

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
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
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
      const [fund]: { psc_rate_bps: number; currency: string }[] = await em.query(
        `SELECT psc_rate_bps, currency FROM funds WHERE id = $1`,
        [app.fundId],
      );
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
          currency: fund.currency.trim(),
          note: dto.note,
          available: null,
        };
      } else {
        const amount = dto.amount ?? app.requested;
        if (amount > app.requested)
          throw new InvalidAward(`amount ${amount} exceeds the request ${app.requested}`);
        if (call.minAward !== null && amount < call.minAward) {
          throw new InvalidAward(`amount ${amount} is below the call's minimum award ${call.minAward}`);
        }
        if (call.envelope !== null) {
          const [{ committed }]: { committed: string }[] = await em.query(
            `SELECT coalesce(sum(amount - cancelled), 0)::bigint AS committed FROM grants WHERE call_id = $1`,
            [call.id],
          );
          if (minor(committed, 'committed') + amount > call.envelope) {
            throw new EnvelopeExceeded(call.envelope, minor(committed, 'committed'), amount);
          }
        }
        const psc = applyBps(amount, fund.psc_rate_bps);
        const tranches = planTranches(amount, psc, dto.tranches ?? DEFAULT_SCHEDULE);
        const grantId = await this.createGrant(em, app, amount, psc, fund, dto.note, actor, now);
        for (const t of tranches) {
          await em.query(
            `INSERT INTO grant_tranches (grant_id, n, percent, amount, psc_amount, condition) VALUES ($1, $2, $3, $4, $5, $6)`,
            [grantId, t.n, t.percent, t.amount, t.pscAmount, t.condition],
          );
        }
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
          fund.currency.trim(),
        );
        await this.audit.record(em, actor, {
          action: 'grant.approved',
          entity: 'grant',
          entityId: grantId,
          summary: {
            applicationId: app.id,
            amount,
            psc,
            pscRateBps: fund.psc_rate_bps,
            tranches: tranches.length,
          },
        });
        await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId, event: 'approved' });
        view = {
          applicationId: app.id,
          decision: 'approve',
          grantId,
          amount,
          psc,
          currency: fund.currency.trim(),
          note: dto.note,
          available: posted.available,
        };
      }
      await this.applications.decideCallIfSettled(em, call.id, actor);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  private async createGrant(
    em: EntityManager,
    app: {
      id: string;
      callId: string;
      fundId: string;
      organizationId: string;
      title: string;
      countries: string[];
      services: string[];
    },
    amount: number,
    psc: number,
    fund: { psc_rate_bps: number; currency: string },
    note: string,
    actor: Actor,
    now: Date,
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO grants (application_id, call_id, fund_id, organization_id, title, countries, services, currency,
         amount, psc_rate_bps, psc_amount, note, approved_at, approved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        app.id,
        app.callId,
        app.fundId,
        app.organizationId,
        app.title,
        app.countries,
        app.services,
        fund.currency.trim(),
        amount,
        fund.psc_rate_bps,
        psc,
        note,
        now,
        actor.userId,
      ],
    );
    return id;
  }
}
