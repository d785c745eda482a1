import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  DueDiligenceGate,
  IdempotencyClaim,
  IdempotencyService,
  JOB,
  NotFoundError,
  OutboxService,
} from '@app/core';
import { effectiveDate, LedgerService, notBefore, Postings } from '@app/funds';
import { pscReleasedOnReturn } from './domain/returns';
import { CancelGrantDto, DisburseDto, ReturnDto } from './dto/grants.dto';
import { GrantAgreementService } from './grant-agreement.service';
import { GrantQueriesService } from './grant-queries.service';
import {
  DisbursementView,
  GrantView,
  ReturnRecordedView,
  toDisbursementView,
  toReturnRecordedView,
} from './grant.views';
import { NothingToCancel, ReturnTooLarge, TrancheNotDue, TrancheSettled } from './grants.errors';
import { GrantReturnsRepository } from './repositories/grant-returns.repository';
import { Grant, GrantsRepository } from './repositories/grants.repository';
import { TranchesRepository } from './repositories/tranches.repository';

/**
 * The grant's money after the commitment: paying tranches, cancelling what is not paid, recording returns.
 * Each posts in the ledger in the same transaction; locks: the grant, then (in the ledger) the fund's row.
 */
@Injectable()
export class DisbursementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly agreement: GrantAgreementService,
    private readonly grants: GrantsRepository,
    private readonly tranches: TranchesRepository,
    private readonly returns: GrantReturnsRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly dueDiligence: DueDiligenceGate,
  ) {}

  /** Pays one due tranche: the commitment moves to paid, its reserved PSC becomes charged. */
  async disburse(
    id: string,
    trancheNo: number,
    dto: DisburseDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<DisbursementView> {
    const effectiveAt = effectiveDate(dto.effectiveAt, this.clock.now(), 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const g = await this.queries.lockVisible(em, id, actor);
      const t = await this.tranches.one(em, id, trancheNo);
      if (!t) throw new NotFoundError('tranche', `${id}/${trancheNo}`);
      if (t.state === 'paid' || t.state === 'cancelled') throw new TrancheSettled(trancheNo, t.state);
      if (t.state !== 'due') throw new TrancheNotDue(trancheNo, t.state);
      // Due diligence (partners, through core's port): a pending bank change or a sanctions hit suspends.
      await this.dueDiligence.beforePayment(em, g.organizationId);
      if (g.signedAt) notBefore(effectiveAt, g.signedAt, 'effectiveAt', 'the day the agreement was signed');
      const reference = dto.reference ?? null;
      await this.tranches.markPaid(em, id, trancheNo, effectiveAt, reference);
      await this.grants.addPaid(em, id, t.amount);
      const posted = await this.ledger.post(
        em,
        {
          fundId: g.fundId,
          kind: 'disbursement',
          sourceType: 'grant_tranche',
          sourceId: `${id}/${trancheNo}`,
          description: `Tranche ${trancheNo} of "${g.title}"${dto.reference ? ` (${dto.reference})` : ''}`,
          effectiveAt,
          lines: Postings.disbursement(t.amount, t.psc),
        },
        actor,
        g.currency,
      );
      await this.audit.record(em, actor, {
        action: 'grant.tranche-disbursed',
        entity: 'grant',
        entityId: id,
        summary: { n: trancheNo, amount: t.amount, psc: t.psc, reference },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'disbursed', n: trancheNo });
      await this.agreement.closeIfDone(em, id, actor);
      const view = toDisbursementView(g, t, effectiveAt, reference, posted.postingId);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  /** Cancels the undisbursed tranches, releasing their commitment and PSC reserve. */
  async cancel(id: string, dto: CancelGrantDto, actor: Actor, claim?: IdempotencyClaim): Promise<GrantView> {
    const effectiveAt = effectiveDate(dto.effectiveAt, this.clock.now(), 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const g = await this.queries.lockVisible(em, id, actor);
      await this.cancelIn(em, g, dto.note, effectiveAt, actor, 'grant.cancelled');
      const view = await this.queries.reread(em, id);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  /**
   * The cancellation inside the caller's transaction, on a grant it has locked: also what declining or
   * withdrawing an offer does (`action` names it in the audit log).
   */
  async cancelIn(
    em: EntityManager,
    g: Grant,
    note: string,
    effectiveAt: Date,
    actor: Actor,
    action: 'grant.cancelled' | 'grant.offer-declined' | 'grant.offer-withdrawn',
  ): Promise<void> {
    const id = g.id;
    const open = await this.tranches.open(em, id);
    if (!open.length) throw new NothingToCancel();
    const amount = open.reduce((s, t) => s + t.amount, 0);
    const psc = open.reduce((s, t) => s + t.psc, 0);
    await this.tranches.cancelOpen(em, id, effectiveAt);
    const fullyCancelled = g.paid === 0;
    await this.grants.addCancelled(em, id, amount, fullyCancelled, effectiveAt);
    if (amount > 0 || psc > 0) {
      await this.ledger.post(
        em,
        {
          fundId: g.fundId,
          kind: 'grant_cancellation',
          sourceType: 'grant_cancellation',
          sourceId: id,
          description: `Cancellation of "${g.title}": ${note}`,
          effectiveAt,
          lines: Postings.grantCancellation(amount, psc).filter((l) => l.amount !== 0),
        },
        actor,
        g.currency,
      );
    }
    await this.audit.record(em, actor, {
      action,
      entity: 'grant',
      entityId: id,
      summary: { tranches: open.map((t) => t.n), amount, psc, note },
    });
    await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'cancelled' });
    if (!fullyCancelled) await this.agreement.closeIfDone(em, id, actor);
  }

  /** Unspent money returned: back to available, with the PSC charged on it released at the grant's rate. */
  async addReturn(
    id: string,
    dto: ReturnDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<ReturnRecordedView> {
    const effectiveAt = effectiveDate(dto.effectiveAt, this.clock.now(), 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const g = await this.queries.lockVisible(em, id, actor);
      const r = await this.addReturnIn(em, g, dto.amount, dto.note, effectiveAt, actor);
      const view = toReturnRecordedView(
        g,
        { id: r.returnId, amount: dto.amount, psc: r.psc, note: dto.note, effectiveAt },
        r.available,
      );
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  /** The return inside the caller's transaction, on a grant it has locked (a refund received is one). */
  async addReturnIn(
    em: EntityManager,
    g: Grant,
    amount: number,
    note: string,
    effectiveAt: Date,
    actor: Actor,
  ): Promise<{ returnId: string; psc: number; available: number }> {
    const id = g.id;
    const maximum = g.paid - g.returned;
    if (amount > maximum) throw new ReturnTooLarge(maximum);
    const { charged, lastPaidAt } = await this.tranches.paidSummary(em, id);
    if (lastPaidAt) notBefore(effectiveAt, lastPaidAt, 'effectiveAt', 'the day of the last payment');
    const psc = pscReleasedOnReturn({
      returnedBefore: g.returned,
      amount,
      rateBps: g.pscRateBps,
      releasedBefore: g.pscReleased,
      charged,
    });
    const returnId = await this.returns.insert(em, {
      grantId: id,
      amount,
      psc,
      note,
      effectiveAt,
      createdBy: actor.userId,
    });
    await this.grants.addReturned(em, id, amount, psc);
    const posted = await this.ledger.post(
      em,
      {
        fundId: g.fundId,
        kind: 'grant_return',
        sourceType: 'grant_return',
        sourceId: returnId,
        description: `Return from "${g.title}": ${note}`,
        effectiveAt,
        lines: Postings.grantReturn(amount, psc),
      },
      actor,
      g.currency,
    );
    await this.audit.record(em, actor, {
      action: 'grant.return-recorded',
      entity: 'grant',
      entityId: id,
      summary: { returnId, amount, pscReleased: psc },
    });
    await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'returned' });
    return { returnId, psc, available: posted.available };
  }
}
