import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  applyBps,
  AuditService,
  Clock,
  IdempotencyClaim,
  IdempotencyService,
  JOB,
  NotFoundError,
  OutboxService,
} from '@app/core';
import { LedgerService, Postings } from '@app/funds';
import { GrantQueriesService } from '../grant-queries.service';
import { GrantStateConflict } from '../grants.errors';
import { Grant, GrantsRepository } from '../repositories/grants.repository';
import { TranchesRepository } from '../repositories/tranches.repository';
import { AgreementSigningService } from './agreement-signing.service';
import { AgreementsRepository } from './agreements.repository';
import { Amendment, AmendmentsRepository } from './amendments.repository';
import { OffersRepository } from './offers.repository';
import { AmendmentDecisionDto, AmendmentDto } from './post-award.dto';
import {
  AmendmentStateConflict,
  ExtensionCapExceeded,
  InvalidAmendment,
  InvalidReportLines,
  OfferStateConflict,
} from './post-award.errors';
import { PostAwardQueriesService } from './post-award-queries.service';
import { applyMoves, daysBetween, extensionRoom, moveProblems, needsApproval } from './post-award.rules';
import { PostAwardView } from './post-award.views';

/**
 * Amendments: the grantee asks, a fund manager decides; each is numbered per grant and audited. A budget move
 * of at most 20% of its line is recorded at once (and notified); a cost extension commits its money and PSC
 * in the ledger when approved, within 30% of the original award. Locks: the grant, then the fund's row.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly view: PostAwardQueriesService,
    private readonly grants: GrantsRepository,
    private readonly tranches: TranchesRepository,
    private readonly offers: OffersRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly agreements: AgreementsRepository,
    private readonly signing: AgreementSigningService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async request(id: string, dto: AmendmentDto, actor: Actor): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.activeGrant(em, id, actor);
      const offer = await this.offers.offer(em, id);
      const now = this.clock.now();
      const base = { grantId: id, kind: dto.kind, reason: dto.reason, requestedBy: actor.userId, at: now };
      let a: Amendment;
      if (dto.kind === 'no_cost_extension') {
        if (!dto.endDate)
          throw new InvalidAmendment('endDate', ['a no-cost extension needs the new endDate']);
        if (offer.endDate && dto.endDate <= offer.endDate) {
          throw new InvalidAmendment('endDate', [
            `endDate must be after the current end date ${offer.endDate}`,
          ]);
        }
        a = await this.amendments.insert(em, { ...base, state: 'requested', endDate: dto.endDate });
      } else if (dto.kind === 'budget_revision') {
        if (!dto.moves?.length) throw new InvalidAmendment('moves', ['a budget revision needs its moves']);
        const lines = await this.amendments.budget(em, id);
        const problems = moveProblems(lines, dto.moves);
        if (problems.length) throw new InvalidAmendment('moves', problems);
        const approval = needsApproval(lines, dto.moves);
        a = await this.amendments.insert(em, {
          ...base,
          state: approval ? 'requested' : 'recorded',
          moves: dto.moves,
        });
        if (!approval) await this.amendments.writeBudget(em, id, applyMoves(lines, dto.moves));
      } else {
        if (!dto.amount) throw new InvalidAmendment('amount', ['a cost extension needs its amount']);
        const room = extensionRoom(
          offer.originalAmount,
          await this.amendments.extensionsTotal(em, id, ['approved']),
        );
        if (dto.amount > room) throw new ExtensionCapExceeded(room, dto.amount);
        a = await this.amendments.insert(em, {
          ...base,
          state: 'requested',
          amount: dto.amount,
          psc: applyBps(dto.amount, g.pscRateBps),
        });
      }
      await this.audit.record(em, actor, {
        action: a.state === 'recorded' ? 'grant.amendment-recorded' : 'grant.amendment-requested',
        entity: 'grant',
        entityId: id,
        summary: { amendmentId: a.id, version: a.version, kind: a.kind, amount: a.amount, moves: a.moves },
      });
      if (a.state === 'recorded') {
        await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'amended' });
        await this.regenerateIn(em, g);
      }
      return this.view.viewIn(em, g);
    });
  }

  async decide(
    id: string,
    amendmentId: string,
    approve: boolean,
    dto: AmendmentDecisionDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<PostAwardView> {
    return this.dataSource.transaction(async (em) => {
      const g = await this.activeGrant(em, id, actor);
      const a = await this.amendments.one(em, id, amendmentId);
      if (!a) throw new NotFoundError('resource', `${id}/amendments/${amendmentId}`);
      if (a.state !== 'requested') throw new AmendmentStateConflict(a.state);
      const now = this.clock.now();
      if (approve) await this.apply(em, g, a, actor, now);
      await this.amendments.decide(
        em,
        a.id,
        approve ? 'approved' : 'rejected',
        actor.userId,
        now,
        dto.note ?? null,
      );
      await this.audit.record(em, actor, {
        action: approve ? 'grant.amendment-approved' : 'grant.amendment-rejected',
        entity: 'grant',
        entityId: id,
        summary: { amendmentId: a.id, version: a.version, kind: a.kind, amount: a.amount, psc: a.psc },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, {
        grantId: id,
        event: approve ? 'amended' : 'amendment-rejected',
      });
      const after = (await this.grants.byId(em, id))!;
      if (approve) await this.regenerateIn(em, after);
      const view = await this.view.viewIn(em, after);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  private async apply(em: EntityManager, g: Grant, a: Amendment, actor: Actor, now: Date): Promise<void> {
    if (a.kind === 'no_cost_extension') {
      const offer = await this.offers.offer(em, g.id);
      if (offer.endDate && a.endDate! <= offer.endDate) {
        throw new InvalidAmendment('endDate', [
          `endDate must be after the current end date ${offer.endDate}`,
        ]);
      }
      if (offer.endDate) await this.amendments.shiftOpen(em, g.id, daysBetween(offer.endDate, a.endDate!));
      await this.offers.setEndDate(em, g.id, a.endDate!);
    } else if (a.kind === 'budget_revision') {
      const lines = await this.amendments.budget(em, g.id);
      const problems = moveProblems(lines, a.moves!);
      if (problems.length) throw new InvalidAmendment('moves', problems);
      await this.amendments.writeBudget(em, g.id, applyMoves(lines, a.moves!));
    } else {
      const offer = await this.offers.offer(em, g.id);
      const room = extensionRoom(
        offer.originalAmount,
        await this.amendments.extensionsTotal(em, g.id, ['approved']),
      );
      const amount = a.amount!;
      const psc = a.psc!;
      if (amount > room) throw new ExtensionCapExceeded(room, amount);
      // Refused with the approval's own 409 (FUNDS.INSUFFICIENT, with the figures) when available is short.
      await this.ledger.post(
        em,
        {
          fundId: g.fundId,
          kind: 'grant_commitment',
          sourceType: 'grant_amendment',
          sourceId: a.id,
          description: `Cost extension ${a.version} of "${g.title}"`,
          effectiveAt: now,
          lines: Postings.grantCommitment(amount, psc),
        },
        actor,
        g.currency,
      );
      await this.offers.extend(em, g.id, amount, psc);
      const existing = await this.tranches.ofGrant(em, g.id);
      await this.tranches.insert(em, g.id, [
        {
          n: Math.max(0, ...existing.map((t) => t.n)) + 1,
          percent: Math.min(100, Math.max(1, Math.round((amount * 100) / g.amount))),
          amount,
          pscAmount: psc,
          condition: 'on_signature',
        },
      ]);
      const lines = await this.amendments.budget(em, g.id);
      await this.amendments.writeBudget(em, g.id, [{ ...lines[0], amount: lines[0].amount + amount }]);
      // The simple workflow has no second signature: the extension's tranche is due once the grant is signed.
      const offerNow = await this.offers.offer(em, g.id);
      if (offerNow.workflow === 'simple' && g.signedAt) {
        await this.tranches.makeDue(em, g.id, [Math.max(0, ...existing.map((t) => t.n)) + 1], now);
      }
    }
  }

  /**
   * A submitted report takes its place in the report schedule (a resubmission replaces the one sent back),
   * with its spending by budget line (lines the budget does not have are refused).
   */
  async attachReportIn(
    em: EntityManager,
    grantId: string,
    reportId: string,
    final: boolean,
    lines: readonly { n: number; spent: number }[],
  ): Promise<void> {
    const budget = new Set((await this.amendments.budget(em, grantId)).map((l) => l.n));
    const unknown = lines.filter((l) => !budget.has(l.n)).map((l) => `budget line ${l.n} does not exist`);
    if (new Set(lines.map((l) => l.n)).size !== lines.length) unknown.push('a budget line is listed twice');
    if (unknown.length) throw new InvalidReportLines(unknown);
    await this.amendments.attachReport(em, grantId, reportId, final);
    await this.amendments.writeReportLines(em, reportId, lines);
  }

  /** A changed grant means a new version of its agreement (full workflow, once one exists): signed anew. */
  private async regenerateIn(em: EntityManager, g: Grant): Promise<void> {
    if (!(await this.agreements.latest(em, g.id))) return;
    await this.signing.generateIn(em, (await this.grants.byId(em, g.id))!);
  }

  private async activeGrant(em: EntityManager, id: string, actor: Actor): Promise<Grant> {
    const g = await this.queries.lockVisible(em, id, actor);
    if (g.status !== 'active') throw new GrantStateConflict(g.status);
    const offer = await this.offers.offer(em, id);
    if (offer.workflow === 'full' && offer.offerState !== 'accepted') {
      throw new OfferStateConflict(`Amendments follow an accepted offer (it is ${offer.offerState})`);
    }
    return g;
  }
}
