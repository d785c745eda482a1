import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  ForbiddenError,
  encodeCursor,
  hasRole,
  isPgError,
  JOB,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  PageQuery,
  PG,
  toPage,
} from '@app/core';
import { ExchangeRatesService, FundsService, RateMissing, utcDay } from '@app/funds';
import { usdCentsWithinCap } from './domain/usd';
import { DonorNameTaken, UnknownReference } from './donors.errors';
import { CreateDonorDto, CreatePledgeDto, DonorView, PledgeView } from './dto/donors.dto';
import { DonorsRepository } from './repositories/donors.repository';

/** Donors and their pledges (promises: shown as `pledged`, never available until money is received). */
@Injectable()
export class DonorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DonorsRepository,
    private readonly audit: AuditService,
    private readonly funds: FundsService,
    private readonly rates: ExchangeRatesService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  async create(dto: CreateDonorDto, actor: Actor): Promise<DonorView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const donor = await this.repo.insert(em, {
          name: dto.name.trim(),
          type: dto.type,
          country: dto.country ?? null,
        });
        await this.audit.record(em, actor, {
          action: 'donor.created',
          entity: 'donor',
          entityId: donor.id,
          summary: { name: donor.name, type: donor.type },
        });
        return donor;
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'donors_name_key')) throw new DonorNameTaken();
      throw error;
    }
  }

  async list(query: PageQuery): Promise<Page<DonorView>> {
    const limit = pageLimit(query);
    const rows = await this.repo.list(this.dataSource.manager, decodeCursor(query.cursor), limit + 1);
    return toPage(
      rows,
      limit,
      (d) => d,
      (d) => encodeCursor(d.createdAt, d.id),
    );
  }

  /** A pledge is a promise: it shows as `pledged` and is never available until money is received. */
  async pledge(dto: CreatePledgeDto, actor: Actor): Promise<PledgeView> {
    // a fund the caller cannot see is an unknown reference; anything else (the database away) stays itself
    const fund = await this.funds.get(dto.fundId, actor).catch((error: unknown) => {
      if (error instanceof NotFoundError || error instanceof ForbiddenError)
        throw new UnknownReference('fundId', 'fund');
      throw error;
    });
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      if (!(await this.repo.exists(em, dto.donorId))) throw new UnknownReference('donorId', 'donor');
      let usdRate: string | null = null;
      let usdAmount = dto.amount;
      if (dto.currency !== fund.currency) {
        usdRate = await this.rates.rateOn(em, dto.currency, utcDay(now));
        if (!usdRate) throw new RateMissing(dto.currency, utcDay(now));
        usdAmount = Math.max(usdCentsWithinCap(dto.amount, dto.currency, usdRate), 1);
      }
      const id = await this.repo.insertPledge(em, {
        donorId: dto.donorId,
        fundId: fund.id,
        amount: dto.amount,
        currency: dto.currency,
        usdAmount,
        usdRate,
        expectedAt: dto.expectedAt,
        createdAt: now,
        createdBy: actor.userId,
      });
      await this.audit.record(em, actor, {
        action: 'pledge.recorded',
        entity: 'pledge',
        entityId: id,
        summary: { donorId: dto.donorId, amount: dto.amount, currency: dto.currency, usdAmount },
      });
      // A pledge moves no money but changes the fund's forecast.
      await this.outbox.add(em, JOB.FORECAST, { fundId: fund.id });
      return (await this.repo.pledge(em, id))!;
    });
  }

  async pledges(
    query: PageQuery & { fundId?: string; donorId?: string },
    actor: Actor,
  ): Promise<Page<PledgeView>> {
    const limit = pageLimit(query);
    const finance = hasRole(actor, 'finance', 'admin');
    const rows = await this.repo.pledges(this.dataSource.manager, {
      donorId: finance ? (query.donorId ?? null) : actor.donorId,
      fundId: query.fundId ?? null,
      // Staff limited to some funds see those funds' pledges only, with or without ?fundId=.
      fundIds: finance && actor.fundIds.length ? actor.fundIds : null,
      cursor: decodeCursor(query.cursor),
      limit: limit + 1,
    });
    return toPage(
      rows,
      limit,
      (p) => p,
      (p) => encodeCursor(p.createdAt, p.id),
    );
  }
}
