import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  hasRole,
  IdempotencyClaim,
  IdempotencyService,
  JOB,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  toPage,
} from '@app/core';
import {
  effectiveDate,
  notBefore,
  ExchangeRatesService,
  FundsService,
  LedgerService,
  Postings,
  utcDay,
} from '@app/funds';
import { Scope } from '@app/identity';
import { usdCentsWithinCap } from './domain/usd';
import {
  ContributionAlreadyReversed,
  ContributionTooSmall,
  PledgeMismatch,
  UnknownReference,
} from './donors.errors';
import {
  ContributionQuery,
  ContributionView,
  CreateContributionDto,
  ReverseContributionDto,
} from './dto/donors.dto';
import { ContributionsRepository } from './repositories/contributions.repository';
import { DonorsRepository } from './repositories/donors.repository';

/**
 * Money received from donors. Each contribution posts to the ledger, gets the next receipt number of its
 * fund and year (a counter row locked until commit: no gaps, no duplicates), and may settle a pledge.
 */
@Injectable()
export class ContributionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ContributionsRepository,
    private readonly donors: DonorsRepository,
    private readonly funds: FundsService,
    private readonly ledger: LedgerService,
    private readonly rates: ExchangeRatesService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  async receive(
    dto: CreateContributionDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<ContributionView> {
    // a fund the caller cannot see is an unknown reference; anything else (the database away) stays itself
    const fund = await this.funds.get(dto.fundId, actor).catch((error: unknown) => {
      if (error instanceof NotFoundError || error instanceof ForbiddenError)
        throw new UnknownReference('fundId', 'fund');
      throw error;
    });
    const receivedAt = effectiveDate(dto.receivedAt, this.clock.now(), 'receivedAt');
    return this.dataSource.transaction(async (em) => {
      if (!(await this.donors.exists(em, dto.donorId))) throw new UnknownReference('donorId', 'donor');
      if (dto.pledgeId) await this.checkPledge(em, dto);

      let usdRate: string | null = null;
      let usdAmount = dto.amount;
      if (dto.currency !== fund.currency) {
        // Without the donor's own rate: the current rate in force that day, if recent enough for the fund.
        usdRate =
          dto.usdRate ?? (await this.rates.rateForReceipt(em, fund.id, dto.currency, utcDay(receivedAt)));
        usdAmount = usdCentsWithinCap(dto.amount, dto.currency, usdRate);
        if (usdAmount <= 0) throw new ContributionTooSmall();
      }

      // From here on the fund's receipt counter row (and then its available row) stays locked until commit,
      // so two statements: the counter with the contribution, then the posting (which locks the available
      // row) with the audit row, the outbox row and the stored idempotency answer.
      const view = await this.repo.insert(em, {
        donorId: dto.donorId,
        fundId: fund.id,
        pledgeId: dto.pledgeId ?? null,
        amount: dto.amount,
        currency: dto.currency,
        usdRate,
        usdAmount,
        receivedAt,
        receiptPrefix: `${fund.code}-${receivedAt.getUTCFullYear()}-`,
        createdBy: actor.userId,
      });
      const receiptNumber = view.receiptNumber;
      const audit = {
        action: 'contribution.received',
        entity: 'contribution',
        entityId: view.id,
        summary: { receiptNumber, amount: dto.amount, currency: dto.currency, usdRate, usdAmount },
      };
      const { counts } = await this.ledger.post(
        em,
        {
          fundId: fund.id,
          kind: 'contribution',
          sourceType: 'contribution',
          sourceId: view.id,
          description: `Contribution ${receiptNumber}`,
          effectiveAt: receivedAt,
          lines: Postings.contribution(usdAmount),
        },
        actor,
        fund.currency,
        [
          (first) => AuditService.insert(actor, audit, first),
          (first) => OutboxService.insert(JOB.CONTRIBUTION_RECEIVED, { contributionId: view.id }, first),
          ...(claim
            ? [(first: number) => ({ ...IdempotencyService.completion(claim, view, first), counted: true })]
            : []),
        ],
      );
      if (claim) IdempotencyService.assertCompleted(counts[0]);
      return view;
    });
  }

  async reverse(
    id: string,
    dto: ReverseContributionDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<ContributionView> {
    const now = this.clock.now();
    const effectiveAt = effectiveDate(dto.effectiveAt, now, 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const c = await this.repo.lockById(em, id);
      if (!c) throw new NotFoundError('contribution', id);
      Scope.assertFund(actor, c.fundId, 'contribution', id);
      if (c.status === 'reversed') throw new ContributionAlreadyReversed(id);
      const receivedAt = new Date(c.receivedAt);
      notBefore(effectiveAt, receivedAt, 'effectiveAt', 'the day the contribution was received');
      // On the day of receipt itself, the reversal takes effect no earlier than the receipt.
      const at = effectiveAt.getTime() < receivedAt.getTime() ? receivedAt : effectiveAt;
      const fund = await this.funds.getIn(em, c.fundId);
      await this.ledger.post(
        em,
        {
          fundId: c.fundId,
          kind: 'contribution_reversal',
          sourceType: 'contribution_reversal',
          sourceId: c.id,
          description: `Reversal of ${c.receiptNumber}: ${dto.reason}`,
          effectiveAt: at,
          lines: Postings.contributionReversal(c.usdAmount),
        },
        actor,
        fund.currency,
      );
      const view = await this.repo.markReversed(em, id, at, dto.reason.trim());
      await this.audit.record(em, actor, {
        action: 'contribution.reversed',
        entity: 'contribution',
        entityId: id,
        summary: { receiptNumber: c.receiptNumber, reason: dto.reason, receiptVoid: true },
      });
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  async get(id: string, actor: Actor): Promise<ContributionView> {
    const c = await this.repo.findById(this.dataSource.manager, id);
    if (!c) throw new NotFoundError('contribution', id);
    Scope.assertDonor(actor, c.donorId, 'contribution', id, c.fundId);
    return c;
  }

  async list(query: ContributionQuery, actor: Actor): Promise<Page<ContributionView>> {
    const limit = pageLimit(query);
    const finance = hasRole(actor, 'finance', 'admin');
    const rows = await this.repo.list(this.dataSource.manager, {
      donorId: finance ? (query.donorId ?? null) : actor.donorId,
      fundId: query.fundId ?? null,
      fundIds: finance && actor.fundIds.length ? actor.fundIds : null,
      cursor: decodeCursor(query.cursor),
      limit: limit + 1,
    });
    return toPage(
      rows,
      limit,
      (c) => c,
      (c) => encodeCursor(c.createdAt, c.id),
    );
  }

  private async checkPledge(em: EntityManager, dto: CreateContributionDto): Promise<void> {
    const pledge = await this.donors.lockPledge(em, dto.pledgeId!);
    if (!pledge) throw new UnknownReference('pledgeId', 'pledge');
    if (pledge.donorId !== dto.donorId || pledge.fundId !== dto.fundId) {
      throw new PledgeMismatch('the pledge belongs to another donor or fund');
    }
  }
}
