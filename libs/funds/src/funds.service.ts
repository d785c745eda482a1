import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  canAccessFund,
  Clock,
  IdempotencyClaim,
  IdempotencyService,
  isPgError,
  NotFoundError,
  Page,
  PageQuery,
  PG,
  decodeCursor,
  encodeCursor,
  minor,
  pageLimit,
  toPage,
} from '@app/core';
import { Postings } from './domain/accounts';
import { effectiveDate, notBefore } from './domain/dates';
import { CostItem, CostView, CreateCostDto, CreateFundDto, FundView } from './dto/funds.dto';
import { FundCodeTaken } from './funds.errors';
import { LedgerService } from './ledger.service';
import { FundsRepository } from './repositories/funds.repository';

@Injectable()
export class FundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly funds: FundsRepository,
  ) {}

  async create(dto: CreateFundDto, actor: Actor): Promise<FundView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const fund = await this.funds.insert(em, {
          code: dto.code,
          name: dto.name.trim(),
          currency: dto.currency ?? 'USD',
          newCallTarget: dto.newCallTarget ?? 50_000_000,
          pscRateBps: dto.pscRateBps ?? 1300,
          rateMaxAgeDays: dto.rateMaxAgeDays ?? 45,
          createdAt: this.clock.now(),
        });
        await this.ledger.openFund(em, fund.id);
        await this.audit.record(em, actor, {
          action: 'fund.created',
          entity: 'fund',
          entityId: fund.id,
          summary: {
            code: fund.code,
            newCallTarget: fund.newCallTarget,
            pscRateBps: fund.pscRateBps,
            rateMaxAgeDays: fund.rateMaxAgeDays,
          },
        });
        return fund;
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'funds_code_key')) throw new FundCodeTaken(dto.code);
      throw error;
    }
  }

  async list(actor: Actor): Promise<FundView[]> {
    const funds = await this.funds.list(this.dataSource.manager);
    return funds.filter((f) => canAccessFund(actor, f.id));
  }

  /** A fund the actor may see (staff limited to other funds get 404), read on a connection of its own. */
  async get(id: string, actor: Actor): Promise<FundView> {
    if (!canAccessFund(actor, id)) throw new NotFoundError('fund', id);
    return this.getIn(this.dataSource.manager, id);
  }

  /** A fund, read inside the caller's transaction (no access check: the caller made it). */
  async getIn(em: EntityManager, id: string): Promise<FundView> {
    const fund = await this.funds.byId(em, id);
    if (!fund) throw new NotFoundError('fund', id);
    return fund;
  }

  /** A fund-level cost (evaluation, monitoring): it bears no PSC and cannot exceed the available balance. */
  /** The fund's costs, the latest incurred first (staff who may see the fund; others 404). */
  async listCosts(fundId: string, query: PageQuery, actor: Actor): Promise<Page<CostItem>> {
    const fund = await this.get(fundId, actor);
    const limit = pageLimit(query);
    const rows = await this.funds.listCosts(
      this.dataSource.manager,
      fundId,
      decodeCursor(query.cursor),
      limit + 1,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        amount: minor(r.amount, 'amount'),
        currency: fund.currency,
        description: r.description,
        incurredAt: r.incurred_at.toISOString(),
        recordedAt: r.created_at.toISOString(),
        recordedBy: r.created_by,
      }),
      (r) => encodeCursor(r.incurred_at, r.id),
    );
  }

  async addCost(
    fundId: string,
    dto: CreateCostDto,
    actor: Actor,
    claim?: IdempotencyClaim,
  ): Promise<CostView> {
    const fund = await this.get(fundId, actor);
    const incurredAt = effectiveDate(dto.incurredAt, this.clock.now(), 'incurredAt');
    notBefore(incurredAt, fund.createdAt, 'incurredAt', 'the day the fund was created');
    return this.dataSource.transaction(async (em) => {
      const costId = await this.funds.insertCost(em, {
        fundId,
        amount: dto.amount,
        description: dto.description.trim(),
        incurredAt,
        createdBy: actor.userId,
      });
      const posted = await this.ledger.post(
        em,
        {
          fundId,
          kind: 'cost',
          sourceType: 'fund_cost',
          sourceId: costId,
          description: dto.description.trim(),
          effectiveAt: incurredAt,
          lines: Postings.cost(dto.amount),
        },
        actor,
        fund.currency,
      );
      await this.audit.record(em, actor, {
        action: 'fund.cost-recorded',
        entity: 'fund',
        entityId: fundId,
        summary: { costId, amount: dto.amount, description: dto.description },
      });
      const view: CostView = {
        id: costId,
        fundId,
        amount: dto.amount,
        currency: fund.currency,
        description: dto.description.trim(),
        incurredAt: incurredAt.toISOString(),
        available: posted.available,
      };
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }
}
