import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  decodeCursor,
  DomainError,
  encodeCursor,
  isPgError,
  Page,
  pageLimit,
  PG,
  toPage,
} from '@app/core';
import { CreateExchangeRateDto, ExchangeRateQuery, ExchangeRateView } from './dto/funds.dto';

interface RateRow {
  id: string;
  currency: string;
  rate: string;
  effective_from: string;
  created_at: Date;
}

/** Strips trailing zeros of PostgreSQL's numeric text (8.4150000000 -> 8.415). */
export function normalizeRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

function toView(r: RateRow): ExchangeRateView {
  return { id: r.id, currency: r.currency, rate: normalizeRate(r.rate), effectiveFrom: r.effective_from };
}

export class RateExists extends DomainError {
  constructor() {
    super(
      'conflict',
      'RATES.EXISTS',
      'exchange-rate-exists',
      'A rate for this currency and day already exists',
    );
  }
}

/**
 * The UN operational rates of exchange finance records: units of a currency per 1 USD, in force from a day
 * until the next rate of that currency.
 */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateExchangeRateDto, actor: Actor): Promise<ExchangeRateView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row]: RateRow[] = await em.query(
          `INSERT INTO exchange_rates (currency, rate, effective_from, created_by) VALUES ($1, $2, $3, $4)
           RETURNING id, currency, rate::text, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, created_at`,
          [dto.currency, dto.rate, dto.effectiveFrom, actor.userId],
        );
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

  async list(query: ExchangeRateQuery): Promise<Page<ExchangeRateView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const rows: RateRow[] = await this.dataSource.query(
      `SELECT id, currency, rate::text, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, created_at
       FROM exchange_rates
       WHERE ($1::text IS NULL OR currency = $1)
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [query.currency ?? null, cursor?.at ?? null, cursor?.id ?? null, limit + 1],
    );
    return toPage(rows, limit, toView, (r) => encodeCursor(r.created_at, r.id));
  }

  /** The rate in force on a day (the latest rate that took effect on or before it), or null. */
  async rateOn(em: EntityManager, currency: string, day: string): Promise<string | null> {
    const rows: { rate: string }[] = await em.query(
      `SELECT rate::text FROM exchange_rates WHERE currency = $1 AND effective_from <= $2::date
       ORDER BY effective_from DESC LIMIT 1`,
      [currency, day],
    );
    return rows.length ? normalizeRate(rows[0].rate) : null;
  }
}
