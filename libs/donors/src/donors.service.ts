import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  hasRole,
  isPgError,
  minor,
  Page,
  pageLimit,
  PageQuery,
  PG,
} from '@app/core';
import { ExchangeRatesService, FundsService, normalizeRate, RateMissing, utcDay } from '@app/funds';
import { toPage } from '@app/core';
import { usdCentsWithinCap } from './domain/usd';
import { DonorNameTaken, UnknownReference } from './donors.errors';
import { CreateDonorDto, CreatePledgeDto, DonorView, PledgeView } from './dto/donors.dto';

interface DonorRow {
  id: string;
  name: string;
  type: 'member_state' | 'private';
  country: string | null;
  created_at: Date;
}

const toDonorView = (r: DonorRow): DonorView => ({
  id: r.id,
  name: r.name,
  type: r.type,
  country: r.country,
  createdAt: r.created_at,
});

interface PledgeRow {
  id: string;
  donor_id: string;
  fund_id: string;
  amount: string;
  currency: string;
  usd_amount: string;
  usd_rate: string | null;
  expected_at: string;
  created_at: Date;
  settled: string;
}

const toPledgeView = (r: PledgeRow): PledgeView => ({
  id: r.id,
  donorId: r.donor_id,
  fundId: r.fund_id,
  amount: minor(r.amount),
  currency: r.currency,
  usdAmount: minor(r.usd_amount, 'usdAmount'),
  usdRate: r.usd_rate === null ? null : normalizeRate(r.usd_rate),
  expectedAt: r.expected_at,
  settled: minor(r.settled, 'settled'),
  outstanding: Math.max(minor(r.usd_amount, 'usdAmount') - minor(r.settled, 'settled'), 0),
  createdAt: r.created_at,
});

const PLEDGE_SELECT = `SELECT p.id, p.donor_id, p.fund_id, p.amount, p.currency, p.usd_amount, p.usd_rate::text,
    to_char(p.expected_at, 'YYYY-MM-DD') AS expected_at, p.created_at,
    coalesce((SELECT sum(c.usd_amount) FROM contributions c WHERE c.pledge_id = p.id AND c.status = 'received'), 0)
      AS settled
  FROM pledges p`;

@Injectable()
export class DonorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly funds: FundsService,
    private readonly rates: ExchangeRatesService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateDonorDto, actor: Actor): Promise<DonorView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row]: DonorRow[] = await em.query(
          `INSERT INTO donors (name, type, country) VALUES ($1, $2, $3) RETURNING *`,
          [dto.name.trim(), dto.type, dto.country ?? null],
        );
        await this.audit.record(em, actor, {
          action: 'donor.created',
          entity: 'donor',
          entityId: row.id,
          summary: { name: row.name, type: row.type },
        });
        return toDonorView(row);
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'donors_name_key')) throw new DonorNameTaken();
      throw error;
    }
  }

  async list(query: PageQuery): Promise<Page<DonorView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const rows: DonorRow[] = await this.dataSource.query(
      `SELECT * FROM donors WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1, $2::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [cursor?.at ?? null, cursor?.id ?? null, limit + 1],
    );
    return toPage(rows, limit, toDonorView, (r) => encodeCursor(r.created_at, r.id));
  }

  /** A pledge is a promise: it shows as `pledged` and is never available until money is received. */
  async pledge(dto: CreatePledgeDto, actor: Actor): Promise<PledgeView> {
    const fund = await this.funds.get(dto.fundId, actor).catch(() => {
      throw new UnknownReference('fundId', 'fund');
    });
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const donors: unknown[] = await em.query(`SELECT 1 FROM donors WHERE id = $1`, [dto.donorId]);
      if (!donors.length) throw new UnknownReference('donorId', 'donor');
      let usdRate: string | null = null;
      let usdAmount = dto.amount;
      if (dto.currency !== fund.currency) {
        usdRate = await this.rates.rateOn(em, dto.currency, utcDay(now));
        if (!usdRate) throw new RateMissing(dto.currency, utcDay(now));
        usdAmount = Math.max(usdCentsWithinCap(dto.amount, dto.currency, usdRate), 1);
      }
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO pledges (donor_id, fund_id, amount, currency, usd_amount, usd_rate, expected_at, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          dto.donorId,
          fund.id,
          dto.amount,
          dto.currency,
          usdAmount,
          usdRate,
          dto.expectedAt,
          now,
          actor.userId,
        ],
      );
      await this.audit.record(em, actor, {
        action: 'pledge.recorded',
        entity: 'pledge',
        entityId: id,
        summary: { donorId: dto.donorId, amount: dto.amount, currency: dto.currency, usdAmount },
      });
      const [row]: PledgeRow[] = await em.query(`${PLEDGE_SELECT} WHERE p.id = $1`, [id]);
      return toPledgeView(row);
    });
  }

  async pledges(
    query: PageQuery & { fundId?: string; donorId?: string },
    actor: Actor,
  ): Promise<Page<PledgeView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const donorId = hasRole(actor, 'finance', 'admin') ? (query.donorId ?? null) : actor.donorId;
    // Staff limited to some funds see those funds' pledges only, with or without ?fundId=.
    const fundIds = hasRole(actor, 'finance', 'admin') && actor.fundIds.length ? actor.fundIds : null;
    const rows: PledgeRow[] = await this.dataSource.query(
      `${PLEDGE_SELECT}
       WHERE ($1::uuid IS NULL OR p.donor_id = $1) AND ($2::uuid IS NULL OR p.fund_id = $2)
         AND ($6::uuid[] IS NULL OR p.fund_id = ANY($6))
         AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3, $4::uuid))
       ORDER BY p.created_at DESC, p.id DESC LIMIT $5`,
      [donorId, query.fundId ?? null, cursor?.at ?? null, cursor?.id ?? null, limit + 1, fundIds],
    );
    return toPage(rows, limit, toPledgeView, (r) => encodeCursor(r.created_at, r.id));
  }
}
