import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  canAccessFund,
  Clock,
  decodeCursor,
  encodeCursor,
  hasRole,
  IdempotencyClaim,
  IdempotencyService,
  isStaff,
  JOB,
  minor,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  toPage,
} from '@app/core';
import { effectiveDate, LedgerService, notBefore, Postings } from '@app/funds';
import { pscReleasedOnReturn } from './domain/returns';
import { canClose, dueAtSignature, nextAfterReport } from './domain/tranches';
import { GrantRow, GrantsRepository, ReportRow, TrancheRow } from './grants.repository';
import {
  CancelGrantDto,
  DisburseDto,
  GrantQuery,
  GrantReportDto,
  ReportDecisionDto,
  ReturnDto,
} from './dto/grants.dto';
import {
  GrantStateConflict,
  ReportStateConflict,
  ReturnTooLarge,
  TrancheNotDue,
  TranchePaid,
} from './grants.errors';

const n = (v: string | number) => minor(v);

@Injectable()
export class GrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: GrantsRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  // ---- reading -------------------------------------------------------------------------------------

  /** A grant the actor may see: NGO members their own organization's, staff within their funds. */
  private visible(actor: Actor, g: GrantRow): boolean {
    if (isStaff(actor)) return canAccessFund(actor, g.fund_id);
    return hasRole(actor, 'ngo') && actor.organizationId === g.organization_id;
  }

  private async lock(em: EntityManager, id: string, actor: Actor): Promise<GrantRow> {
    const rows: GrantRow[] = await em.query(`SELECT * FROM grants WHERE id = $1 FOR UPDATE`, [id]);
    if (!rows.length || !this.visible(actor, rows[0])) throw new NotFoundError('grant', id);
    return rows[0];
  }

  async get(id: string, actor: Actor, em: EntityManager = this.dataSource.manager) {
    const rows: GrantRow[] = await em.query(`SELECT * FROM grants WHERE id = $1`, [id]);
    if (!rows.length || !this.visible(actor, rows[0])) throw new NotFoundError('grant', id);
    return this.view(em, rows[0]);
  }

  async list(query: GrantQuery, actor: Actor): Promise<Page<unknown>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const org = isStaff(actor) ? null : (actor.organizationId ?? '00000000-0000-0000-0000-000000000000');
    const fundIds = isStaff(actor) && actor.fundIds.length ? actor.fundIds : null;
    const rows: GrantRow[] = await this.dataSource.query(
      `SELECT * FROM grants
       WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::uuid[] IS NULL OR fund_id = ANY($2))
         AND ($3::uuid IS NULL OR fund_id = $3) AND ($4::text IS NULL OR status = $4)
         AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $7`,
      [
        org,
        fundIds,
        query.fundId ?? null,
        query.status ?? null,
        cursor?.at ?? null,
        cursor?.id ?? null,
        limit + 1,
      ],
    );
    const page = toPage(
      rows,
      limit,
      (r) => r,
      (r) => encodeCursor(r.created_at, r.id),
    );
    // A fixed number of statements for the whole page (the grants, then their tranches, reports, returns
    // and victims each in one query), not four per grant.
    return { items: await this.repo.views(this.dataSource.manager, page.items), nextCursor: page.nextCursor };
  }

  /** One grant's full view (4 queries, whatever the grant). */
  private async view(em: EntityManager, g: GrantRow) {
    return (await this.repo.views(em, [g]))[0];
  }

  // ---- the agreement and its money -------------------------------------------------------------------

  async sign(id: string, actor: Actor) {
    return this.dataSource.transaction(async (em) => {
      const g = await this.lock(em, id, actor);
      if (g.status !== 'active') throw new GrantStateConflict(`The grant is ${g.status}`);
      if (g.signed_at)
        throw new GrantStateConflict('The agreement is already signed', 'GRANTS.ALREADY_SIGNED');
      const now = this.clock.now();
      await em.query(`UPDATE grants SET signed_at = $2 WHERE id = $1`, [id, now]);
      // Every tranche whose condition is already met: on signature, and one per report accepted before it.
      const due = dueAtSignature(await this.repo.tranches(em, id), await this.repo.acceptedReports(em, id));
      await this.repo.makeDue(
        em,
        id,
        due.map((t) => t.n),
        now,
      );
      await this.audit.record(em, actor, {
        action: 'grant.signed',
        entity: 'grant',
        entityId: id,
        summary: {},
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'signed' });
      return this.view(em, { ...g, signed_at: now });
    });
  }

  /** Pays one due tranche: the commitment moves to paid, its reserved PSC becomes charged. */
  async disburse(id: string, trancheNo: number, dto: DisburseDto, actor: Actor, claim?: IdempotencyClaim) {
    const effectiveAt = effectiveDate(dto.effectiveAt, this.clock.now(), 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const g = await this.lock(em, id, actor);
      const [t]: TrancheRow[] = await em.query(
        `SELECT * FROM grant_tranches WHERE grant_id = $1 AND n = $2`,
        [id, trancheNo],
      );
      if (!t) throw new NotFoundError('tranche', `${id}/${trancheNo}`);
      if (t.state === 'paid' || t.state === 'cancelled') throw new TranchePaid(trancheNo, t.state);
      if (t.state !== 'due') throw new TrancheNotDue(trancheNo, t.state);
      if (g.signed_at) notBefore(effectiveAt, g.signed_at, 'effectiveAt', 'the day the agreement was signed');
      await em.query(
        `UPDATE grant_tranches SET state = 'paid', paid_at = $3, reference = $4 WHERE grant_id = $1 AND n = $2`,
        [id, trancheNo, effectiveAt, dto.reference ?? null],
      );
      await em.query(`UPDATE grants SET paid = paid + $2 WHERE id = $1`, [id, n(t.amount)]);
      const posted = await this.ledger.post(
        em,
        {
          fundId: g.fund_id,
          kind: 'disbursement',
          sourceType: 'grant_tranche',
          sourceId: `${id}/${trancheNo}`,
          description: `Tranche ${trancheNo} of "${g.title}"${dto.reference ? ` (${dto.reference})` : ''}`,
          effectiveAt,
          lines: Postings.disbursement(n(t.amount), n(t.psc_amount)),
        },
        actor,
        g.currency.trim(),
      );
      await this.audit.record(em, actor, {
        action: 'grant.tranche-disbursed',
        entity: 'grant',
        entityId: id,
        summary: {
          n: trancheNo,
          amount: n(t.amount),
          psc: n(t.psc_amount),
          reference: dto.reference ?? null,
        },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'disbursed', n: trancheNo });
      await this.closeIfDone(em, id, actor);
      const view = {
        grantId: id,
        n: trancheNo,
        amount: n(t.amount),
        psc: n(t.psc_amount),
        currency: g.currency.trim(),
        state: 'paid' as const,
        paidAt: effectiveAt.toISOString(),
        reference: dto.reference ?? null,
        postingId: posted.postingId,
      };
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  /** Cancels the undisbursed tranches, releasing their commitment and PSC reserve. */
  async cancel(id: string, dto: CancelGrantDto, actor: Actor, claim?: IdempotencyClaim) {
    const effectiveAt = effectiveDate(dto.effectiveAt, this.clock.now(), 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const g = await this.lock(em, id, actor);
      const open: TrancheRow[] = await em.query(
        `SELECT * FROM grant_tranches WHERE grant_id = $1 AND state IN ('scheduled', 'due') ORDER BY n`,
        [id],
      );
      if (!open.length)
        throw new GrantStateConflict('No undisbursed tranche is left to cancel', 'GRANTS.NOTHING_TO_CANCEL');
      const amount = open.reduce((s, t) => s + n(t.amount), 0);
      const psc = open.reduce((s, t) => s + n(t.psc_amount), 0);
      await em.query(
        `UPDATE grant_tranches SET state = 'cancelled', cancelled_at = $2 WHERE grant_id = $1 AND state IN ('scheduled', 'due')`,
        [id, effectiveAt],
      );
      const fullyCancelled = n(g.paid) === 0;
      await em.query(
        `UPDATE grants SET cancelled = cancelled + $2, status = CASE WHEN $3 THEN 'cancelled' ELSE status END,
           closed_at = CASE WHEN $3 THEN $4 ELSE closed_at END WHERE id = $1`,
        [id, amount, fullyCancelled, effectiveAt],
      );
      if (amount > 0 || psc > 0) {
        await this.ledger.post(
          em,
          {
            fundId: g.fund_id,
            kind: 'grant_cancellation',
            sourceType: 'grant_cancellation',
            sourceId: id,
            description: `Cancellation of "${g.title}": ${dto.note}`,
            effectiveAt,
            lines: Postings.grantCancellation(amount, psc).filter((l) => l.amount !== 0),
          },
          actor,
          g.currency.trim(),
        );
      }
      await this.audit.record(em, actor, {
        action: 'grant.cancelled',
        entity: 'grant',
        entityId: id,
        summary: { tranches: open.map((t) => t.n), amount, psc, note: dto.note },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'cancelled' });
      if (!fullyCancelled) await this.closeIfDone(em, id, actor);
      const view = await this.view(em, (await em.query(`SELECT * FROM grants WHERE id = $1`, [id]))[0]);
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  /** Unspent money returned: back to available, with the PSC charged on it released at the grant's rate. */
  async addReturn(id: string, dto: ReturnDto, actor: Actor, claim?: IdempotencyClaim) {
    const effectiveAt = effectiveDate(dto.effectiveAt, this.clock.now(), 'effectiveAt');
    return this.dataSource.transaction(async (em) => {
      const g = await this.lock(em, id, actor);
      const maximum = n(g.paid) - n(g.returned);
      if (dto.amount > maximum) throw new ReturnTooLarge(maximum);
      const [{ charged, last_paid_at }]: { charged: string; last_paid_at: Date | null }[] = await em.query(
        `SELECT coalesce(sum(psc_amount), 0)::bigint AS charged, max(paid_at) AS last_paid_at
         FROM grant_tranches WHERE grant_id = $1 AND state = 'paid'`,
        [id],
      );
      if (last_paid_at) notBefore(effectiveAt, last_paid_at, 'effectiveAt', 'the day of the last payment');
      const psc = pscReleasedOnReturn({
        returnedBefore: n(g.returned),
        amount: dto.amount,
        rateBps: g.psc_rate_bps,
        releasedBefore: n(g.psc_released),
        charged: n(charged),
      });
      const [ret]: { id: string }[] = await em.query(
        `INSERT INTO grant_returns (grant_id, amount, psc_amount, note, effective_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, dto.amount, psc, dto.note, effectiveAt, actor.userId],
      );
      await em.query(
        `UPDATE grants SET returned = returned + $2, psc_released = psc_released + $3 WHERE id = $1`,
        [id, dto.amount, psc],
      );
      const posted = await this.ledger.post(
        em,
        {
          fundId: g.fund_id,
          kind: 'grant_return',
          sourceType: 'grant_return',
          sourceId: ret.id,
          description: `Return from "${g.title}": ${dto.note}`,
          effectiveAt,
          lines: Postings.grantReturn(dto.amount, psc),
        },
        actor,
        g.currency.trim(),
      );
      await this.audit.record(em, actor, {
        action: 'grant.return-recorded',
        entity: 'grant',
        entityId: id,
        summary: { returnId: ret.id, amount: dto.amount, pscReleased: psc },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'returned' });
      const view = {
        id: ret.id,
        grantId: id,
        amount: dto.amount,
        pscReleased: psc,
        currency: g.currency.trim(),
        note: dto.note,
        effectiveAt: effectiveAt.toISOString(),
        available: posted.available,
      };
      await this.idempotency.complete(em, claim, view);
      return view;
    });
  }

  // ---- grantee reports ----------------------------------------------------------------------------

  async submitReport(id: string, dto: GrantReportDto, actor: Actor) {
    return this.dataSource.transaction(async (em) => {
      const g = await this.lock(em, id, actor);
      if (!hasRole(actor, 'ngo') || actor.organizationId !== g.organization_id)
        throw new NotFoundError('grant', id);
      if (g.status !== 'active') throw new GrantStateConflict(`The grant is ${g.status}`);
      const seen = new Set<string>();
      for (const v of dto.victimsAssisted) {
        const key = `${v.service}/${v.country}`;
        if (seen.has(key)) throw new ReportStateConflict(`victimsAssisted lists ${key} twice`);
        seen.add(key);
      }
      const [report]: { id: string }[] = await em.query(
        `INSERT INTO grant_reports (grant_id, period_end, spent, narrative, final, submitted_at, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [id, dto.periodEnd, dto.spent, dto.narrative, dto.final ?? false, this.clock.now(), actor.userId],
      );
      for (const v of dto.victimsAssisted) {
        await em.query(
          `INSERT INTO grant_report_victims (report_id, service, country, count) VALUES ($1, $2, $3, $4)`,
          [report.id, v.service, v.country, v.count],
        );
      }
      await this.audit.record(em, actor, {
        action: 'grant.report-submitted',
        entity: 'grant',
        entityId: id,
        summary: { reportId: report.id, periodEnd: dto.periodEnd, final: dto.final ?? false },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, {
        grantId: id,
        event: 'report-submitted',
        reportId: report.id,
      });
      const full = await this.view(em, g);
      return full.reports.find((r) => r.id === report.id)!;
    });
  }

  async decideReport(id: string, reportId: string, accept: boolean, dto: ReportDecisionDto, actor: Actor) {
    return this.dataSource.transaction(async (em) => {
      const g = await this.lock(em, id, actor);
      const [r]: ReportRow[] = await em.query(
        `SELECT * FROM grant_reports WHERE id = $1 AND grant_id = $2 FOR UPDATE`,
        [reportId, id],
      );
      if (!r) throw new NotFoundError('report', reportId);
      if (r.status !== 'submitted') throw new ReportStateConflict(`The report is already ${r.status}`);
      const now = this.clock.now();
      await em.query(
        `UPDATE grant_reports SET status = $2, comment = $3, decided_at = $4, decided_by = $5 WHERE id = $1`,
        [reportId, accept ? 'accepted' : 'returned', dto.comment ?? null, now, actor.userId],
      );
      if (accept) {
        const tranches: TrancheRow[] = await em.query(
          `SELECT * FROM grant_tranches WHERE grant_id = $1 ORDER BY n`,
          [id],
        );
        const next = g.signed_at ? nextAfterReport(tranches) : undefined;
        if (next) {
          await em.query(
            `UPDATE grant_tranches SET state = 'due', due_at = $3 WHERE grant_id = $1 AND n = $2`,
            [id, next.n, now],
          );
        }
        await this.closeIfDone(em, id, actor);
      }
      await this.audit.record(em, actor, {
        action: accept ? 'grant.report-accepted' : 'grant.report-returned',
        entity: 'grant',
        entityId: id,
        summary: { reportId, comment: dto.comment ?? null },
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, {
        grantId: id,
        event: accept ? 'report-accepted' : 'report-returned',
        reportId,
      });
      const full = await this.view(em, (await em.query(`SELECT * FROM grants WHERE id = $1`, [id]))[0]);
      return full.reports.find((x) => x.id === reportId)!;
    });
  }

  /** Closes the grant when every tranche is paid or cancelled and a final report is accepted. */
  private async closeIfDone(em: EntityManager, id: string, actor: Actor): Promise<void> {
    const tranches: TrancheRow[] = await em.query(
      `SELECT n, condition, state FROM grant_tranches WHERE grant_id = $1`,
      [id],
    );
    const finals: unknown[] = await em.query(
      `SELECT 1 FROM grant_reports WHERE grant_id = $1 AND final AND status = 'accepted' LIMIT 1`,
      [id],
    );
    if (!canClose(tranches, finals.length > 0)) return;
    const closed: unknown[] = await em.query(
      `WITH c AS (UPDATE grants SET status = 'closed', closed_at = $2 WHERE id = $1 AND status = 'active' RETURNING 1)
       SELECT * FROM c`,
      [id, this.clock.now()],
    );
    if (closed.length) {
      await this.audit.record(em, actor, {
        action: 'grant.closed',
        entity: 'grant',
        entityId: id,
        summary: {},
      });
      await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: id, event: 'closed' });
    }
  }

  /** Victims assisted from accepted reports, summed by service and country (the reports build on this). */
  async victimsAssisted(
    fundId: string,
  ): Promise<{ service: string; country: string; victimsAssisted: number }[]> {
    const rows: { service: string; country: string; total: string }[] = await this.dataSource.query(
      `SELECT service, country, sum(count)::bigint AS total FROM victims_assisted WHERE fund_id = $1
       GROUP BY service, country ORDER BY service, country`,
      [fundId],
    );
    return rows.map((r) => ({
      service: r.service,
      country: r.country.trim(),
      victimsAssisted: Number(r.total),
    }));
  }
}
