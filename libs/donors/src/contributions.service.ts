import { Injectable, StreamableFile } from '@nestjs/common';
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
  minor,
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
import { AlreadyReversed, AmountTooSmall, PledgeMismatch, UnknownReference } from './donors.errors';
import {
  ContributionQuery,
  ContributionView,
  CreateContributionDto,
  ReverseContributionDto,
} from './dto/donors.dto';
import { receiptPdf } from './receipts/receipt-pdf';

interface ContributionRow {
  id: string;
  donor_id: string;
  fund_id: string;
  pledge_id: string | null;
  amount: string;
  currency: string;
  usd_rate: string | null;
  usd_amount: string;
  received_at: Date;
  receipt_number: string;
  status: 'received' | 'reversed';
  reversed_at: Date | null;
  reversal_reason: string | null;
  created_at: Date;
}

const COLUMNS = `id, donor_id, fund_id, pledge_id, amount, currency, usd_rate::text, usd_amount, received_at,
  receipt_number, status, reversed_at, reversal_reason, created_at`;

function rateText(rate: string | null): string | null {
  return rate === null ? null : rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

export function toContributionView(r: ContributionRow): ContributionView {
  return {
    id: r.id,
    donorId: r.donor_id,
    fundId: r.fund_id,
    pledgeId: r.pledge_id,
    amount: minor(r.amount),
    currency: r.currency.trim(),
    usdRate: rateText(r.usd_rate),
    usdAmount: minor(r.usd_amount, 'usdAmount'),
    receivedAt: r.received_at.toISOString(),
    receiptNumber: r.receipt_number,
    status: r.status,
    receiptVoid: r.status === 'reversed',
    reversedAt: r.reversed_at ? r.reversed_at.toISOString() : null,
    reversalReason: r.reversal_reason,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Money received from donors. Each contribution posts to the ledger, gets the next receipt number of its
 * fund and year (a counter row locked until commit: no gaps, no duplicates), and may settle a pledge.
 */
@Injectable()
export class ContributionsService {
  constructor(
    private readonly dataSource: DataSource,
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
    const fund = await this.funds.get(dto.fundId, actor).catch(() => {
      throw new UnknownReference('fundId', 'fund');
    });
    const receivedAt = effectiveDate(dto.receivedAt, this.clock.now(), 'receivedAt');
    return this.dataSource.transaction(async (em) => {
      const donors: { id: string }[] = await em.query(`SELECT id FROM donors WHERE id = $1`, [dto.donorId]);
      if (!donors.length) throw new UnknownReference('donorId', 'donor');
      if (dto.pledgeId) await this.checkPledge(em, dto);

      let usdRate: string | null = null;
      let usdAmount = dto.amount;
      if (dto.currency !== fund.currency) {
        // Without the donor's own rate: the current rate in force that day, if recent enough for the fund.
        usdRate =
          dto.usdRate ?? (await this.rates.rateForReceipt(em, fund.id, dto.currency, utcDay(receivedAt)));
        usdAmount = usdCentsWithinCap(dto.amount, dto.currency, usdRate);
        if (usdAmount <= 0) throw new AmountTooSmall();
      }

      const year = receivedAt.getUTCFullYear();
      // From here on the fund's receipt counter row (and then its available row) stays locked until commit,
      // so two statements: the counter with the contribution, then the posting (which locks the available
      // row) with the audit row, the outbox row and the stored idempotency answer.
      const [row]: ContributionRow[] = await em.query(
        `WITH n AS (
           INSERT INTO receipt_counters (fund_id, year, last_number) VALUES ($2, $9, 1)
           ON CONFLICT (fund_id, year) DO UPDATE SET last_number = receipt_counters.last_number + 1
           RETURNING last_number),
         c AS (
           INSERT INTO contributions (donor_id, fund_id, pledge_id, amount, currency, usd_rate, usd_amount,
             received_at, receipt_year, receipt_seq, receipt_number, created_by)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, n.last_number,
                  $10::text || lpad(n.last_number::text, greatest(4, length(n.last_number::text)), '0'), $11
           FROM n RETURNING *)
         SELECT ${COLUMNS} FROM c`,
        [
          dto.donorId,
          fund.id,
          dto.pledgeId ?? null,
          dto.amount,
          dto.currency,
          usdRate,
          usdAmount,
          receivedAt,
          year,
          `${fund.code}-${year}-`,
          actor.userId,
        ],
      );
      const receiptNumber = row.receipt_number;
      const view = toContributionView(row);
      const audit = {
        action: 'contribution.received',
        entity: 'contribution',
        entityId: row.id,
        summary: { receiptNumber, amount: dto.amount, currency: dto.currency, usdRate, usdAmount },
      };
      const { counts } = await this.ledger.post(
        em,
        {
          fundId: fund.id,
          kind: 'contribution',
          sourceType: 'contribution',
          sourceId: row.id,
          description: `Contribution ${receiptNumber}`,
          effectiveAt: receivedAt,
          lines: Postings.contribution(usdAmount),
        },
        actor,
        fund.currency,
        [
          (first) => AuditService.insert(actor, audit, first),
          (first) => OutboxService.insert(JOB.CONTRIBUTION_RECEIVED, { contributionId: row.id }, first),
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
      const rows: ContributionRow[] = await em.query(
        `SELECT ${COLUMNS} FROM contributions WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const c = rows[0];
      if (!c) throw new NotFoundError('contribution', id);
      Scope.assertFund(actor, c.fund_id, 'contribution', id);
      if (c.status === 'reversed') throw new AlreadyReversed(id);
      notBefore(effectiveAt, c.received_at, 'effectiveAt', 'the day the contribution was received');
      // On the day of receipt itself, the reversal takes effect no earlier than the receipt.
      const at = effectiveAt.getTime() < c.received_at.getTime() ? c.received_at : effectiveAt;
      const fund = await this.funds.getIn(em, c.fund_id);
      await this.ledger.post(
        em,
        {
          fundId: c.fund_id,
          kind: 'contribution_reversal',
          sourceType: 'contribution_reversal',
          sourceId: c.id,
          description: `Reversal of ${c.receipt_number}: ${dto.reason}`,
          effectiveAt: at,
          lines: Postings.contributionReversal(minor(c.usd_amount, 'usdAmount')),
        },
        actor,
        fund.currency,
      );
      const [updated]: ContributionRow[] = await em.query(
        `WITH u AS (UPDATE contributions SET status = 'reversed', reversed_at = $2, reversal_reason = $3
                    WHERE id = $1 RETURNING *)
         SELECT ${COLUMNS} FROM u`,
        [id, at, dto.reason.trim()],
      );
      await this.audit.record(em, actor, {
        action: 'contribution.reversed',
        entity: 'contribution',
        entityId: id,
        summary: { receiptNumber: c.receipt_number, reason: dto.reason, receiptVoid: true },
      });
      const view = toContributionView(updated);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  async get(id: string, actor: Actor): Promise<ContributionView> {
    const rows: ContributionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM contributions WHERE id = $1`,
      [id],
    );
    if (!rows.length) throw new NotFoundError('contribution', id);
    Scope.assertDonor(actor, rows[0].donor_id, 'contribution', id, rows[0].fund_id);
    return toContributionView(rows[0]);
  }

  async list(query: ContributionQuery, actor: Actor): Promise<Page<ContributionView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const donorId = hasRole(actor, 'finance', 'admin') ? (query.donorId ?? null) : actor.donorId;
    const fundIds = hasRole(actor, 'finance', 'admin') && actor.fundIds.length ? actor.fundIds : null;
    const rows: ContributionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM contributions
       WHERE ($1::uuid IS NULL OR donor_id = $1) AND ($2::uuid IS NULL OR fund_id = $2)
         AND ($3::uuid[] IS NULL OR fund_id = ANY($3))
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $6`,
      [donorId, query.fundId ?? null, fundIds, cursor?.at ?? null, cursor?.id ?? null, limit + 1],
    );
    return toPage(rows, limit, toContributionView, (r) => encodeCursor(r.created_at, r.id));
  }

  async receipt(id: string, actor: Actor): Promise<StreamableFile> {
    const c = await this.get(id, actor);
    const [info]: {
      fund_name: string;
      fund_code: string;
      fund_currency: string;
      donor_name: string;
      donor_type: string;
    }[] = await this.dataSource.query(
      `SELECT f.name AS fund_name, f.code AS fund_code, f.currency AS fund_currency, d.name AS donor_name,
                d.type AS donor_type
         FROM contributions c JOIN funds f ON f.id = c.fund_id JOIN donors d ON d.id = c.donor_id WHERE c.id = $1`,
      [id],
    );
    const doc = receiptPdf({
      receiptNumber: c.receiptNumber,
      fundName: info.fund_name,
      fundCode: info.fund_code,
      donorName: info.donor_name,
      donorType: info.donor_type,
      receivedAt: c.receivedAt,
      amount: c.amount,
      currency: c.currency,
      usdRate: c.usdRate,
      usdAmount: c.usdAmount,
      fundCurrency: info.fund_currency.trim(),
      void: c.receiptVoid,
      reversalReason: c.reversalReason,
    });
    return new StreamableFile(doc, {
      type: 'application/pdf',
      disposition: `inline; filename="receipt-${c.receiptNumber}.pdf"`,
    });
  }

  private async checkPledge(em: EntityManager, dto: CreateContributionDto): Promise<void> {
    const rows: { donor_id: string; fund_id: string }[] = await em.query(
      `SELECT donor_id, fund_id FROM pledges WHERE id = $1 FOR UPDATE`,
      [dto.pledgeId],
    );
    if (!rows.length) throw new UnknownReference('pledgeId', 'pledge');
    if (rows[0].donor_id !== dto.donorId || rows[0].fund_id !== dto.fundId) {
      throw new PledgeMismatch('the pledge belongs to another donor or fund');
    }
  }
}
