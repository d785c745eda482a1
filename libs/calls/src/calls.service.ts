import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  isStaff,
  JOB,
  minorUnits,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  SYSTEM_ACTOR,
  toPage,
} from '@app/core';
import { Scope } from '@app/identity';
import {
  CallAction,
  CallDraft,
  CallStatus,
  completenessProblems,
  EDITABLE_FIELDS,
  nextCallStatus,
  PUBLIC_CALL_STATUSES,
  RubricCriterion,
} from './domain/call-rules';
import {
  CallNotEditable,
  CallIncomplete,
  InvalidCall,
  InvalidCallTransition,
  RubricFrozen,
} from './calls.errors';
import {
  CallQuery,
  CallTransitionView,
  CallView,
  CallWarning,
  CreateCallDto,
  UpdateCallDto,
} from './dto/call.dto';
import { Call } from './entities/call.entity';

export function toCallView(c: Call): CallView {
  return {
    id: c.id,
    fundId: c.fundId,
    title: c.title,
    description: c.description,
    themes: c.themes,
    eligibleCountries: c.eligibleCountries,
    minAward: c.minAward,
    maxAward: c.maxAward,
    envelope: c.envelope,
    currency: c.currency,
    deadline: c.deadline,
    rubric: c.rubric,
    blind: c.blind,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    publishedAt: c.publishedAt,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
  };
}

interface CallRow {
  id: string;
  fund_id: string;
  title: string;
  description: string | null;
  themes: string[];
  eligible_countries: string[];
  min_award: string | null;
  max_award: string | null;
  envelope: string | null;
  currency: string;
  deadline: Date | null;
  rubric: RubricCriterion[];
  blind: boolean;
  status: CallStatus;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  opened_at: Date | null;
  closed_at: Date | null;
}

const CALL_COLUMNS = `c.id, c.fund_id, c.title, c.description, c.themes, c.eligible_countries, c.min_award,
  c.max_award, c.envelope, c.currency, c.deadline, c.rubric, c.blind, c.status, c.created_at, c.updated_at,
  c.published_at, c.opened_at, c.closed_at`;

/** The same view as toCallView, from a raw row (bigint minor units read as the entity's transformer does). */
function callRowView(r: CallRow): CallView {
  return {
    id: r.id,
    fundId: r.fund_id,
    title: r.title,
    description: r.description,
    themes: r.themes,
    eligibleCountries: r.eligible_countries,
    minAward: minorUnits.from(r.min_award) as number | null,
    maxAward: minorUnits.from(r.max_award) as number | null,
    envelope: minorUnits.from(r.envelope) as number | null,
    currency: r.currency,
    deadline: r.deadline,
    rubric: r.rubric,
    blind: r.blind,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  };
}

function draftOf(c: Call): CallDraft {
  return c;
}

/** Cross-field checks a DTO cannot express; 400 because the request itself is inconsistent. */
function orderProblems(c: CallDraft): { field: string; messages: string[] }[] {
  const out: { field: string; messages: string[] }[] = [];
  if (c.minAward !== null && c.maxAward !== null && c.minAward > c.maxAward)
    out.push({ field: 'minAward', messages: ['minAward must not exceed maxAward'] });
  if (c.maxAward !== null && c.envelope !== null && c.maxAward > c.envelope)
    out.push({ field: 'maxAward', messages: ['maxAward must not exceed the envelope'] });
  return out;
}

const ACTION_AUDIT: Record<CallAction, string> = {
  publish: 'call.published',
  open: 'call.opened',
  close: 'call.closed',
  review: 'call.under_review',
  decide: 'call.decided',
};

/** Calls for proposals: drafting, the lifecycle, and what other contexts need of a call. */
@Injectable()
export class CallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateCallDto, actor: Actor): Promise<CallView> {
    return this.dataSource.transaction(async (em) => {
      Scope.assertFund(actor, dto.fundId);
      const funds: { currency: string }[] = await em.query(`SELECT currency FROM funds WHERE id = $1`, [
        dto.fundId,
      ]);
      if (!funds.length) throw new NotFoundError('fund', dto.fundId);
      const call = em.create(Call, {
        fundId: dto.fundId,
        title: dto.title.trim(),
        description: dto.description ?? null,
        themes: dto.themes ?? [],
        eligibleCountries: dto.eligibleCountries ?? [],
        minAward: dto.minAward ?? null,
        maxAward: dto.maxAward ?? null,
        envelope: dto.envelope ?? null,
        currency: funds[0].currency,
        deadline: dto.deadline ? new Date(dto.deadline) : null,
        rubric: dto.rubric ? dto.rubric.map((c) => ({ ...c })) : [],
        blind: dto.blind ?? false,
        status: 'draft',
        createdBy: actor.userId,
      });
      const problems = orderProblems(call);
      if (problems.length) throw new InvalidCall(problems);
      await em.save(call);
      await this.audit.record(em, actor, {
        action: 'call.created',
        entity: 'call',
        entityId: call.id,
        summary: { fundId: call.fundId, title: call.title },
      });
      return toCallView(call);
    });
  }

  async update(id: string, dto: UpdateCallDto, actor: Actor): Promise<CallView> {
    return this.dataSource.transaction(async (em) => {
      const call = await this.lockById(em, id);
      Scope.assertFund(actor, call.fundId, 'call', id);
      const fields = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
      if (fields.includes('rubric') && !EDITABLE_FIELDS[call.status].includes('rubric'))
        throw new RubricFrozen();
      const refused = fields.filter((f) => !EDITABLE_FIELDS[call.status].includes(f));
      if (refused.length) throw new CallNotEditable(call.status, refused);
      const before = toCallView(call);
      if (dto.title !== undefined) call.title = dto.title.trim();
      if (dto.description !== undefined) call.description = dto.description;
      if (dto.themes !== undefined) call.themes = dto.themes;
      if (dto.eligibleCountries !== undefined) call.eligibleCountries = dto.eligibleCountries;
      if (dto.minAward !== undefined) call.minAward = dto.minAward;
      if (dto.maxAward !== undefined) call.maxAward = dto.maxAward;
      if (dto.envelope !== undefined) call.envelope = dto.envelope;
      if (dto.deadline !== undefined) call.deadline = new Date(dto.deadline);
      if (dto.rubric !== undefined) call.rubric = dto.rubric.map((c) => ({ ...c }));
      if (dto.blind !== undefined) call.blind = dto.blind;
      const order = orderProblems(call);
      if (order.length) throw new InvalidCall(order);
      // Past draft the call must stay publishable (complete, deadline ahead).
      if (call.status !== 'draft') {
        const problems = completenessProblems(draftOf(call), this.clock.now());
        if (problems.length) throw new CallIncomplete(problems);
      }
      await em.save(call);
      const changed = Object.fromEntries(
        fields.map((f) => [
          f,
          { from: before[f as keyof CallView], to: toCallView(call)[f as keyof CallView] },
        ]),
      );
      await this.audit.record(em, actor, {
        action: 'call.updated',
        entity: 'call',
        entityId: id,
        summary: changed,
      });
      return toCallView(call);
    });
  }

  /** publish, open, close by a fund manager. Opening below the fund's new-call target warns, never refuses. */
  async transition(
    id: string,
    action: 'publish' | 'open' | 'close',
    actor: Actor,
  ): Promise<CallTransitionView> {
    return this.dataSource.transaction(async (em) => {
      const call = await this.lockById(em, id);
      Scope.assertFund(actor, call.fundId, 'call', id);
      if (action === 'publish' || action === 'open') {
        const problems = completenessProblems(draftOf(call), this.clock.now());
        if (nextCallStatus(call.status, action) && problems.length) throw new CallIncomplete(problems);
      }
      const warnings: CallWarning[] = [];
      if (action === 'open' && nextCallStatus(call.status, action)) {
        const [fund]: { target: string; available: string }[] = await em.query(
          `SELECT f.new_call_target::bigint::text AS target, coalesce(b.available, 0)::bigint::text AS available
           FROM funds f LEFT JOIN fund_balances b ON b.fund_id = f.id WHERE f.id = $1`,
          [call.fundId],
        );
        const target = BigInt(fund.target);
        const available = BigInt(fund.available);
        if (available < target) {
          warnings.push({
            code: 'CALLS.BELOW_TARGET',
            message: `The fund's available balance (${available} minor units of ${call.currency}) is below its new-call target (${target})`,
          });
          await this.audit.record(em, actor, {
            action: 'call.opened_below_target',
            entity: 'call',
            entityId: id,
            summary: { fundId: call.fundId, available: available.toString(), target: target.toString() },
          });
        }
      }
      await this.apply(em, call, action, actor);
      return { ...toCallView(call), warnings };
    });
  }

  /**
   * One SQL statement and a row mapper (no query builder, no entity hydration): the public list is the
   * hottest read of the API. Same filters, order, keyset and visibility as before.
   */
  async list(query: CallQuery, actor: Actor): Promise<Page<CallView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const staff = isStaff(actor);
    const visible = staff ? null : PUBLIC_CALL_STATUSES;
    const fundIds = staff && actor.fundIds.length ? actor.fundIds : null;
    const rows: CallRow[] = await this.dataSource.query(
      `SELECT ${CALL_COLUMNS} FROM calls c
       WHERE ($1::text[] IS NULL OR c.status = ANY($1)) AND ($2::uuid[] IS NULL OR c.fund_id = ANY($2))
         AND ($3::text IS NULL OR c.status = $3) AND ($4::uuid IS NULL OR c.fund_id = $4)
         AND ($5::timestamptz IS NULL OR (c.created_at, c.id) < ($5, $6::uuid))
       ORDER BY c.created_at DESC, c.id DESC LIMIT $7`,
      [
        visible,
        fundIds,
        query.status ?? null,
        query.fundId ?? null,
        cursor?.at ?? null,
        cursor?.id ?? null,
        limit + 1,
      ],
    );
    return toPage(rows, limit, callRowView, (r) => encodeCursor(r.created_at, r.id));
  }

  async view(id: string, actor: Actor): Promise<CallView> {
    const call = await this.get(undefined, id);
    if (isStaff(actor)) Scope.assertFund(actor, call.fundId, 'call', id);
    else if (!PUBLIC_CALL_STATUSES.includes(call.status)) throw new NotFoundError('call', id);
    return toCallView(call);
  }

  /** A call by id, whatever its status (callers apply their own scope). */
  async get(em: EntityManager | undefined, id: string): Promise<Call> {
    const call = await (em ?? this.dataSource.manager).findOneBy(Call, { id });
    if (!call) throw new NotFoundError('call', id);
    return call;
  }

  /**
   * SELECT ... FOR UPDATE (or FOR SHARE with 'read'). Lock order: an application first, then its call, so a
   * submission and a close of the same call serialize without deadlocks.
   */
  async lockById(em: EntityManager, id: string, mode: 'write' | 'read' = 'write'): Promise<Call> {
    const call = await em.findOne(Call, {
      where: { id },
      lock: { mode: mode === 'write' ? 'pessimistic_write' : 'pessimistic_read' },
    });
    if (!call) throw new NotFoundError('call', id);
    return call;
  }

  /**
   * Closes every open call whose deadline has passed (the `calls.close-due` job). Each call closes in its
   * own transaction under its row lock, with the audit row and the status-changed event; a call already
   * closed (by hand or by another worker) is left alone, so running it twice changes nothing.
   */
  async closeDue(actor: Actor = SYSTEM_ACTOR): Promise<string[]> {
    const now = this.clock.now();
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM calls WHERE status = 'open' AND deadline <= $1 ORDER BY deadline, id`,
      [now],
    );
    const closed: string[] = [];
    for (const { id } of due) {
      const done = await this.dataSource.transaction(async (em) => {
        const call = await this.lockById(em, id);
        if (call.status !== 'open' || !call.deadline || call.deadline.getTime() > now.getTime()) return false;
        await this.apply(em, call, 'close', actor);
        return true;
      });
      if (done) closed.push(id);
    }
    return closed;
  }

  /** closed -> under_review (at the first reviewer's assignment); a call already under review stays so. */
  async markUnderReview(em: EntityManager, callId: string, actor: Actor = SYSTEM_ACTOR): Promise<Call> {
    const call = await this.lockById(em, callId);
    if (call.status === 'under_review') return call;
    await this.apply(em, call, 'review', actor);
    return call;
  }

  /** under_review -> decided (when every eligible application has a decision); idempotent. */
  async markDecided(em: EntityManager, callId: string, actor: Actor = SYSTEM_ACTOR): Promise<Call> {
    const call = await this.lockById(em, callId);
    if (call.status === 'decided') return call;
    await this.apply(em, call, 'decide', actor);
    return call;
  }

  private async apply(em: EntityManager, call: Call, action: CallAction, actor: Actor): Promise<void> {
    const next = nextCallStatus(call.status, action);
    if (!next) throw new InvalidCallTransition(call.status, action);
    const from = call.status;
    const now = this.clock.now();
    call.status = next;
    if (next === 'published') call.publishedAt = now;
    if (next === 'open') call.openedAt = now;
    if (next === 'closed') call.closedAt = now;
    await em.save(call);
    await this.audit.record(em, actor, {
      action: ACTION_AUDIT[action],
      entity: 'call',
      entityId: call.id,
      summary: { from, to: next },
    });
    await this.outbox.add(em, JOB.CALL_STATUS_CHANGED, { callId: call.id, status: next });
  }
}
