import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  ForbiddenError,
  isPgError,
  NotFoundError,
  Page,
  pageLimit,
  PG,
  toPage,
} from '@app/core';
import {
  CreateExchangeRateDto,
  ExchangeRateQuery,
  ExchangeRateView,
  SupersedeExchangeRateDto,
} from './dto/funds.dto';
import { ExchangeRate, ExchangeRatesRepository } from './exchange-rates.repository';
import { RateExists, RateMissing, RateStale, RateSuperseded } from './funds.errors';

/** Strips trailing zeros of PostgreSQL's numeric text (8.4150000000 -> 8.415). */
export function normalizeRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

function toView(r: ExchangeRate): ExchangeRateView {
  return {
    id: r.id,
    currency: r.currency,
    rate: normalizeRate(r.rate),
    effectiveFrom: r.effectiveFrom,
    status: r.supersededBy ? 'superseded' : 'current',
    supersededBy: r.supersededBy,
    supersededAt: r.supersededAt,
    supersededReason: r.supersededReason,
  };
}

/**
 * The UN operational rates of exchange finance records: units of a currency per 1 USD, in force from a day
 * until the next rate of that currency. A mistyped rate is superseded, never edited: conversions use the
 * current rate, while postings that used the old one keep the rate they recorded.
 */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ExchangeRatesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateExchangeRateDto, actor: Actor): Promise<ExchangeRateView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const row = await this.repo.insert(em, { ...dto, createdBy: actor.userId });
        await this.audit.record(em, actor, {
          action: 'exchange-rate.recorded',
          entity: 'exchange_rate',
          entityId: row.id,
          summary: { currency: dto.currency, rate: dto.rate, effectiveFrom: dto.effectiveFrom },
        });
        return toView(row);
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION)) throw new RateExists();
      throw error;
    }
  }

  /**
   * Replaces a mistyped rate by a corrected one for the same currency and day. Rates serve every fund, so
   * only finance staff not limited to some funds may correct them (403 otherwise). The old row is locked,
   * so two corrections of one rate cannot both win (the second is 409).
   */
  async supersede(id: string, dto: SupersedeExchangeRateDto, actor: Actor): Promise<ExchangeRateView> {
    if (actor.fundIds.length)
      throw new ForbiddenError(
        'Exchange rates serve every fund: only finance staff of all funds may correct one',
      );
    return this.dataSource.transaction(async (em) => {
      const old = await this.repo.lock(em, id);
      if (!old) throw new NotFoundError('exchange_rate', id);
      if (old.supersededBy) throw new RateSuperseded(id, old.supersededBy);
      const newId = randomUUID();
      const reason = dto.reason.trim();
      // The old row stops being current first (the unique index allows one current rate per day); the
      // foreign key to the new row is checked at commit.
      await this.repo.markSuperseded(em, id, newId, this.clock.now(), reason);
      const row = await this.repo.insert(em, {
        id: newId,
        currency: old.currency,
        rate: dto.rate,
        effectiveFrom: old.effectiveFrom,
        createdBy: actor.userId,
      });
      await this.audit.record(em, actor, {
        action: 'exchange-rate.superseded',
        entity: 'exchange_rate',
        entityId: id,
        summary: {
          currency: old.currency,
          effectiveFrom: old.effectiveFrom,
          from: normalizeRate(old.rate),
          to: normalizeRate(row.rate),
          supersededBy: newId,
          reason,
        },
      });
      return toView(row);
    });
  }

  async list(query: ExchangeRateQuery): Promise<Page<ExchangeRateView>> {
    const limit = pageLimit(query);
    const rows = await this.repo.list(
      this.dataSource.manager,
      query.currency ?? null,
      decodeCursor(query.cursor),
      limit + 1,
    );
    return toPage(rows, limit, toView, (r) => encodeCursor(r.createdAt, r.id));
  }

  /** The current rate in force on a day (the latest that took effect on or before it), or null. */
  async rateOn(em: EntityManager, currency: string, day: string): Promise<string | null> {
    const r = await this.repo.inForce(em, currency, day);
    return r ? normalizeRate(r.rate) : null;
  }

  /**
   * The rate to convert a contribution to `fundId` received on `day`: the current rate in force that day,
   * refused (422) when there is none or when it took effect more than the fund's `rateMaxAgeDays` before.
   */
  async rateForReceipt(em: EntityManager, fundId: string, currency: string, day: string): Promise<string> {
    const r = await this.repo.inForce(em, currency, day);
    if (!r) throw new RateMissing(currency, day);
    const maxAge = (await this.repo.maxRateAgeDays(em, fundId)) ?? 45;
    if (r.ageDays > maxAge) throw new RateStale(currency, day, r.effectiveFrom, r.ageDays, maxAge);
    return normalizeRate(r.rate);
  }
}
