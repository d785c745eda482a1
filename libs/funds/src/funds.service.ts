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
  minor,
  NotFoundError,
  PG,
} from '@app/core';
import { Postings } from './domain/accounts';
import { effectiveDate, notBefore } from './domain/dates';
import { CostView, CreateCostDto, CreateFundDto, FundView } from './dto/funds.dto';
import { FundCodeTaken } from './funds.errors';
import { LedgerService } from './ledger.service';

interface FundRow {
  id: string;
  code: string;
  name: string;
  currency: string;
  new_call_target: string;
  psc_rate_bps: number;
  rate_max_age_days: number;
  created_at: Date;
}

export function toFundView(r: FundRow): FundView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    currency: r.currency,
    newCallTarget: minor(r.new_call_target, 'newCallTarget'),
    pscRateBps: r.psc_rate_bps,
    rateMaxAgeDays: r.rate_max_age_days,
    createdAt: r.created_at,
  };
}

@Injectable()
export class FundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateFundDto, actor: Actor): Promise<FundView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row]: FundRow[] = await em.query(
          `INSERT INTO funds (code, name, currency, new_call_target, psc_rate_bps, rate_max_age_days, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            dto.code,
            dto.name.trim(),
            dto.currency ?? 'USD',
            dto.newCallTarget ?? 50_000_000,
            dto.pscRateBps ?? 1300,
            dto.rateMaxAgeDays ?? 45,
            this.clock.now(),
          ],
        );
        await this.ledger.openFund(em, row.id);
        await this.audit.record(em, actor, {
          action: 'fund.created',
          entity: 'fund',
          entityId: row.id,
          summary: {
            code: row.code,
            newCallTarget: minor(row.new_call_target, 'newCallTarget'),
            pscRateBps: row.psc_rate_bps,
            rateMaxAgeDays: row.rate_max_age_days,
          },
        });
        return toFundView(row);
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'funds_code_key')) throw new FundCodeTaken(dto.code);
      throw error;
    }
  }

  async list(actor: Actor): Promise<FundView[]> {
    const rows: FundRow[] = await this.dataSource.query(`SELECT * FROM funds ORDER BY code`);
    return rows.filter((r) => canAccessFund(actor, r.id)).map(toFundView);
  }

  /** A fund the actor may see (staff limited to other funds get 404). */
  async get(id: string, actor?: Actor, em: EntityManager = this.dataSource.manager): Promise<FundView> {
    const rows: FundRow[] = await em.query(`SELECT * FROM funds WHERE id = $1`, [id]);
    if (!rows.length || (actor && !canAccessFund(actor, id))) throw new NotFoundError('fund', id);
    return toFundView(rows[0]);
  }

  /** A fund-level cost (evaluation, monitoring): it bears no PSC and cannot exceed the available balance. */
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
      const [cost]: { id: string }[] = await em.query(
        `INSERT INTO fund_costs (fund_id, amount, description, incurred_at, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id`,
        [fundId, dto.amount, dto.description.trim(), incurredAt, actor.userId],
      );
      const posted = await this.ledger.post(
        em,
        {
          fundId,
          kind: 'cost',
          sourceType: 'fund_cost',
          sourceId: cost.id,
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
        summary: { costId: cost.id, amount: dto.amount, description: dto.description },
      });
      const view: CostView = {
        id: cost.id,
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
