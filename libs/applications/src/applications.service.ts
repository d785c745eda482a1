import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  FieldProblem,
  hasRole,
  InvalidInputError,
  isPgError,
  isStaff,
  canAccessFund,
  JOB,
  minorUnits,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  PG,
  SYSTEM_ACTOR,
} from '@app/core';
import type { Call } from '@app/calls';
import { CallsService } from '@app/calls';
import { Scope } from '@app/identity';
import {
  ApplicationOutOfCall,
  CallNotAccepting,
  CallNotClosed,
  CallNotOpen,
  DeadlinePassed,
  DuplicateApplication,
  InvalidApplicationState,
  OrganizationNotVerified,
  UnsupportedAttachment,
} from './applications.errors';
import { ApplicationsRepository } from './applications.repository';
import {
  ApplicationStatus,
  ATTACHMENT_TYPES,
  requestedAmount,
  canWithdraw,
  safeFilename,
  servedFilename,
  sniffAttachment,
} from './domain/application-rules';
import {
  ApplicationQuery,
  ApplicationView,
  AttachmentView,
  BudgetLineDto,
  BudgetLineView,
  CreateApplicationDto,
  EligibilityDto,
  UpdateApplicationDto,
} from './dto/application.dto';
import { Application } from './entities/application.entity';

const MAX_ATTACHMENTS = 20;

interface ApplicationRow {
  id: string;
  call_id: string;
  fund_id: string;
  organization_id: string;
  organization_name: string;
  blind: boolean;
  title: string;
  summary: string;
  countries: string[];
  services: string[];
  expected_victims: number;
  requested: string;
  currency: string;
  status: ApplicationStatus;
  eligibility_reason: string | null;
  submitted_at: Date | null;
  screened_at: Date | null;
  withdrawn_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface AttachmentFile {
  filename: string | undefined;
  bytes: Buffer;
}

export interface AttachmentDownload {
  filename: string;
  mime: string;
  sha256: string;
  content: Buffer;
}

/** Does the application fit its call? (countries eligible, services among the themes, amount in range) */
function fitProblems(
  call: Call,
  app: { countries: string[]; services: string[]; requested: number },
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const countries = app.countries.filter((c) => !call.eligibleCountries.includes(c));
  if (countries.length)
    out.push({ field: 'countries', messages: [`not eligible in this call: ${countries.join(', ')}`] });
  const services = app.services.filter((s) => !call.themes.includes(s));
  if (services.length)
    out.push({ field: 'services', messages: [`not among the call's themes: ${services.join(', ')}`] });
  if (
    call.minAward !== null &&
    call.maxAward !== null &&
    (app.requested < call.minAward || app.requested > call.maxAward)
  )
    out.push({
      field: 'budget',
      messages: [
        `the total requested (${app.requested}) must be between ${call.minAward} and ${call.maxAward}`,
      ],
    });
  return out;
}

function totalOf(budget: BudgetLineDto[]): number {
  try {
    return requestedAmount(budget);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InvalidInputError('budget', 'the budget total must stay below 2^53 minor units');
  }
}

/** Applications: drafting, submission before the deadline, screening, withdrawal, attachments, reads by scope. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: CallsService,
    private readonly repo: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(callId: string, dto: CreateApplicationDto, actor: Actor): Promise<ApplicationView> {
    try {
      const id = await this.dataSource.transaction(async (em) => {
        const call = await this.calls.get(em, callId);
        if (call.status === 'draft' || !actor.organizationId) throw new NotFoundError('call', callId);
        if (call.status !== 'published' && call.status !== 'open') throw new CallNotAccepting();
        if (call.deadline && this.clock.now() >= call.deadline) throw new DeadlinePassed();
        const requested = totalOf(dto.budget);
        const problems = fitProblems(call, { ...dto, requested });
        if (problems.length) throw new ApplicationOutOfCall(problems);
        const active: unknown[] = await em.query(
          `SELECT 1 FROM applications WHERE call_id = $1 AND organization_id = $2 AND status <> 'withdrawn'`,
          [callId, actor.organizationId],
        );
        if (active.length) throw new DuplicateApplication();
        const app = await em.save(
          em.create(Application, {
            callId,
            fundId: call.fundId,
            organizationId: actor.organizationId,
            title: dto.title.trim(),
            summary: dto.summary,
            countries: dto.countries,
            services: dto.services,
            expectedVictims: dto.expectedVictims,
            requested,
            currency: call.currency,
            status: 'draft',
            createdBy: actor.userId,
          }),
        );
        await this.writeBudget(em, app.id, dto.budget);
        await this.audit.record(em, actor, {
          action: 'application.created',
          entity: 'application',
          entityId: app.id,
          summary: { callId, organizationId: app.organizationId, requested },
        });
        return app.id;
      });
      return this.view(id, actor);
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'applications_one_active_per_org_key'))
        throw new DuplicateApplication();
      throw error;
    }
  }

  async update(id: string, dto: UpdateApplicationDto, actor: Actor): Promise<ApplicationView> {
    await this.dataSource.transaction(async (em) => {
      const app = await this.lockOwn(em, id, actor);
      if (app.status !== 'draft') throw new InvalidApplicationState(app.status, 'edit');
      const call = await this.calls.get(em, app.callId);
      if (call.status !== 'published' && call.status !== 'open') throw new CallNotAccepting();
      if (call.deadline && this.clock.now() >= call.deadline) throw new DeadlinePassed();
      if (dto.title !== undefined) app.title = dto.title.trim();
      if (dto.summary !== undefined) app.summary = dto.summary;
      if (dto.countries !== undefined) app.countries = dto.countries;
      if (dto.services !== undefined) app.services = dto.services;
      if (dto.expectedVictims !== undefined) app.expectedVictims = dto.expectedVictims;
      if (dto.budget !== undefined) app.requested = totalOf(dto.budget);
      const problems = fitProblems(call, app);
      if (problems.length) throw new ApplicationOutOfCall(problems);
      await em.save(app);
      if (dto.budget !== undefined) await this.writeBudget(em, id, dto.budget);
      await this.audit.record(em, actor, {
        action: 'application.updated',
        entity: 'application',
        entityId: id,
        summary: { fields: Object.keys(dto), requested: app.requested },
      });
    });
    return this.view(id, actor);
  }

  /** Before the deadline (checked first: after it the answer is deadline-passed whatever the call's status). */
  async submit(id: string, actor: Actor): Promise<ApplicationView> {
    await this.dataSource.transaction(async (em) => {
      const app = await this.lockOwn(em, id, actor);
      if (app.status !== 'draft') throw new InvalidApplicationState(app.status, 'be submitted');
      // Application first, then the call (the fixed lock order); a concurrent close waits for us.
      const call = await this.calls.lockById(em, app.callId, 'read');
      const now = this.clock.now();
      if (!call.deadline || now >= call.deadline) throw new DeadlinePassed();
      if (call.status !== 'open') throw new CallNotOpen();
      const orgs: { verified: boolean }[] = await em.query(
        `SELECT verified_at IS NOT NULL AS verified FROM organizations WHERE id = $1`,
        [app.organizationId],
      );
      if (!orgs[0]?.verified) throw new OrganizationNotVerified();
      const problems = fitProblems(call, app);
      if (problems.length) throw new ApplicationOutOfCall(problems);
      app.status = 'submitted';
      app.submittedAt = now;
      await em.save(app);
      await this.audit.record(em, actor, {
        action: 'application.submitted',
        entity: 'application',
        entityId: id,
        summary: { callId: app.callId, requested: app.requested },
      });
      await this.outbox.add(em, JOB.APPLICATION_SUBMITTED, { applicationId: id });
    });
    return this.view(id, actor);
  }

  async withdraw(id: string, actor: Actor): Promise<ApplicationView> {
    await this.dataSource.transaction(async (em) => {
      const app = await this.lockOwn(em, id, actor);
      if (!canWithdraw(app.status)) throw new InvalidApplicationState(app.status, 'be withdrawn');
      const from = app.status;
      app.status = 'withdrawn';
      app.withdrawnAt = this.clock.now();
      await em.save(app);
      await this.audit.record(em, actor, {
        action: 'application.withdrawn',
        entity: 'application',
        entityId: id,
        summary: { from },
      });
      await this.outbox.add(em, JOB.APPLICATION_STATUS_CHANGED, { applicationId: id, status: 'withdrawn' });
      if (from !== 'draft') await this.decideCallIfSettled(em, app.callId, actor);
    });
    return this.view(id, actor);
  }

  /**
   * Screening: a fund manager marks a submitted application eligible or ineligible, once the call is
   * closed (or under review): while it is open, drafts may still change and submissions still arrive.
   */
  async screen(id: string, dto: EligibilityDto, actor: Actor): Promise<ApplicationView> {
    await this.dataSource.transaction(async (em) => {
      const app = await this.lockById(em, id);
      Scope.assertFund(actor, app.fundId, 'application', id);
      if (app.status !== 'submitted') throw new InvalidApplicationState(app.status, 'be screened');
      // Application first, then its call (the fixed lock order), so a concurrent decision cannot strand the call.
      const call = await this.calls.lockById(em, app.callId);
      if (call.status !== 'closed' && call.status !== 'under_review') throw new CallNotClosed();
      app.status = dto.eligible ? 'eligible' : 'ineligible';
      app.eligibilityReason = dto.reason.trim();
      app.screenedAt = this.clock.now();
      app.screenedBy = actor.userId;
      await em.save(app);
      await this.audit.record(em, actor, {
        action: dto.eligible ? 'application.eligible' : 'application.ineligible',
        entity: 'application',
        entityId: id,
        summary: { reason: app.eligibilityReason },
      });
      await this.outbox.add(em, JOB.APPLICATION_STATUS_CHANGED, { applicationId: id, status: app.status });
      await this.decideCallIfSettled(em, app.callId, actor);
    });
    return this.view(id, actor);
  }

  /**
   * A closed (or under review) call becomes decided once none of its applications is submitted or eligible:
   * called in the transaction of every change that can settle the last one (screening, decision,
   * withdrawal). Locks the call, after the application the caller has locked.
   */
  async decideCallIfSettled(em: EntityManager, callId: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    const call = await this.calls.lockById(em, callId);
    if (call.status !== 'closed' && call.status !== 'under_review') return;
    if ((await this.repo.countWaiting(em, callId)) > 0) return;
    if (call.status === 'closed') await this.calls.markUnderReview(em, callId, actor);
    await this.calls.markDecided(em, callId, actor);
  }

  /** For the decision use case: an eligible application becomes approved or rejected, in the caller's transaction. */
  async setDecision(
    em: EntityManager,
    id: string,
    decision: 'approved' | 'rejected',
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<Application> {
    const app = await this.lockById(em, id);
    if (app.status !== 'eligible') throw new InvalidApplicationState(app.status, `be ${decision}`);
    app.status = decision;
    app.decidedAt = this.clock.now();
    await em.save(app);
    await this.audit.record(em, actor, {
      action: `application.${decision}`,
      entity: 'application',
      entityId: id,
      summary: { callId: app.callId },
    });
    await this.outbox.add(em, JOB.APPLICATION_STATUS_CHANGED, { applicationId: id, status: decision });
    return app;
  }

  /** SELECT ... FOR UPDATE; no scope check (callers apply theirs). */
  async lockById(em: EntityManager, id: string): Promise<Application> {
    const app = await em.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app) throw new NotFoundError('application', id);
    return app;
  }

  /** An application without a lock; no scope check (callers apply theirs). */
  async findById(em: EntityManager, id: string): Promise<Application | null> {
    return em.findOne(Application, { where: { id } });
  }

  /** The ids of a call's applications in any of `statuses` (the reviews' ranking goes over them). */
  async idsOnCall(
    em: EntityManager,
    callId: string,
    statuses: readonly ApplicationStatus[],
  ): Promise<string[]> {
    const apps = await em.find(Application, {
      where: { callId, status: In([...statuses]) },
      select: { id: true },
    });
    return apps.map((a) => a.id);
  }

  async addAttachment(id: string, file: AttachmentFile, actor: Actor): Promise<AttachmentView> {
    const kind = sniffAttachment(file.bytes);
    if (!kind) throw new UnsupportedAttachment();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const filename = safeFilename(file.filename, kind);
    return this.dataSource.transaction(async (em) => {
      const app = await this.lockOwn(em, id, actor);
      if (app.status !== 'draft') throw new InvalidApplicationState(app.status, 'take attachments');
      const [{ n }]: { n: number }[] = await em.query(
        `SELECT count(*)::int AS n FROM application_attachments WHERE application_id = $1`,
        [id],
      );
      if (n >= MAX_ATTACHMENTS) throw new InvalidInputError('file', `at most ${MAX_ATTACHMENTS} attachments`);
      const [row]: { id: string; created_at: Date }[] = await em.query(
        `INSERT INTO application_attachments (application_id, filename, mime, size, sha256, content, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
        [id, filename, ATTACHMENT_TYPES[kind], file.bytes.length, sha256, file.bytes, actor.userId],
      );
      await this.audit.record(em, actor, {
        action: 'application.attachment_added',
        entity: 'application',
        entityId: id,
        summary: { attachmentId: row.id, filename, size: file.bytes.length, sha256 },
      });
      return {
        id: row.id,
        filename,
        mime: ATTACHMENT_TYPES[kind],
        size: file.bytes.length,
        sha256,
        createdAt: row.created_at,
      };
    });
  }

  async attachment(id: string, attachmentId: string, actor: Actor): Promise<AttachmentDownload> {
    await this.readable(id, actor);
    const rows: AttachmentDownload[] = await this.dataSource.query(
      `SELECT filename, mime, sha256, content FROM application_attachments WHERE id = $1 AND application_id = $2`,
      [attachmentId, id],
    );
    if (!rows.length) throw new NotFoundError('attachment', attachmentId);
    return { ...rows[0], filename: servedFilename(rows[0].filename, rows[0].mime) };
  }

  async list(query: ApplicationQuery, actor: Actor): Promise<Page<ApplicationView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const scope = this.scopeSql(actor, p);
    if (!scope) return { items: [], nextCursor: null };
    const where = [scope];
    if (query.callId) where.push(`a.call_id = ${p(query.callId)}`);
    if (query.status) where.push(`a.status = ${p(query.status)}`);
    if (cursor) where.push(`(a.created_at, a.id) < (${p(cursor.at)}::timestamptz, ${p(cursor.id)}::uuid)`);
    const rows = await this.rows(
      `${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const items = await this.views(page, actor);
    const last = page[page.length - 1];
    return { items, nextCursor: more ? encodeCursor(last.created_at, last.id) : null };
  }

  async view(id: string, actor: Actor): Promise<ApplicationView> {
    const row = await this.readable(id, actor);
    return (await this.views([row], actor))[0];
  }

  /** The row if the caller may read it (staff of its fund, its NGO, an assigned reviewer); 404 otherwise. */
  private async readable(id: string, actor: Actor): Promise<ApplicationRow> {
    const params: unknown[] = [id];
    const scope = this.scopeSql(actor, (v) => {
      params.push(v);
      return `$${params.length}`;
    });
    const rows = scope ? await this.rows(`a.id = $1 AND ${scope}`, params) : [];
    if (!rows.length) throw new NotFoundError('application', id);
    return rows[0];
  }

  /**
   * Who sees what, as SQL. Reviewers see the applications assigned to them: this reads the reviews
   * context's `review_assignments` table directly (a read-only dependency; reviews depends on us, not the
   * other way round).
   */
  private scopeSql(actor: Actor, p: (v: unknown) => string): string | null {
    const parts: string[] = [];
    if (isStaff(actor))
      parts.push(actor.fundIds.length ? `a.fund_id = ANY(${p(actor.fundIds)}::uuid[])` : 'true');
    if (hasRole(actor, 'ngo') && actor.organizationId)
      parts.push(`a.organization_id = ${p(actor.organizationId)}`);
    if (hasRole(actor, 'reviewer') && actor.userId)
      parts.push(
        `EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = a.id AND ra.reviewer_id = ${p(actor.userId)})`,
      );
    return parts.length ? `(${parts.join(' OR ')})` : null;
  }

  private rows(tail: string, params: unknown[]): Promise<ApplicationRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.call_id, a.fund_id, a.organization_id, o.name AS organization_name, c.blind, a.title,
              a.summary, a.countries, a.services, a.expected_victims, a.requested::bigint::text AS requested,
              a.currency, a.status, a.eligibility_reason, a.submitted_at, a.screened_at, a.withdrawn_at,
              a.decided_at, a.created_at, a.updated_at
       FROM applications a JOIN organizations o ON o.id = a.organization_id JOIN calls c ON c.id = a.call_id
       WHERE ${tail}`,
      params,
    );
  }

  private async views(rows: ApplicationRow[], actor: Actor): Promise<ApplicationView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const lines: (BudgetLineView & { application_id: string })[] = await this.dataSource.query(
      `SELECT application_id, category, description, amount::bigint::text AS amount
       FROM application_budget_lines WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, n`,
      [ids],
    );
    const files: {
      application_id: string;
      id: string;
      filename: string;
      mime: string;
      size: number;
      sha256: string;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT application_id, id, filename, mime, size, sha256, created_at
         FROM application_attachments WHERE application_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    return rows.map((r) => {
      // Reading only as an assigned reviewer (not staff, not the NGO itself): a blind call hides the NGO.
      const ownNgo = hasRole(actor, 'ngo') && actor.organizationId === r.organization_id;
      const staff = isStaff(actor) && canAccessFund(actor, r.fund_id);
      const hide = r.blind && !ownNgo && !staff;
      return {
        id: r.id,
        callId: r.call_id,
        fundId: r.fund_id,
        ...(hide ? {} : { organizationId: r.organization_id, organizationName: r.organization_name }),
        title: r.title,
        summary: r.summary,
        countries: r.countries,
        services: r.services,
        expectedVictims: r.expected_victims,
        budget: lines
          .filter((l) => l.application_id === r.id)
          .map((l) => ({
            category: l.category,
            description: l.description,
            amount: minorUnits.from(l.amount as unknown as string) as number,
          })),
        requested: minorUnits.from(r.requested) as number,
        currency: r.currency,
        status: r.status,
        eligibilityReason: r.eligibility_reason,
        submittedAt: r.submitted_at,
        screenedAt: r.screened_at,
        withdrawnAt: r.withdrawn_at,
        decidedAt: r.decided_at,
        attachments: files
          .filter((f) => f.application_id === r.id)
          .map((f) => ({
            id: f.id,
            filename: servedFilename(f.filename, f.mime),
            mime: f.mime,
            size: f.size,
            sha256: f.sha256,
            createdAt: f.created_at,
          })),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  /** The caller's own organization's application, locked; anything else does not exist for them. */
  private async lockOwn(em: EntityManager, id: string, actor: Actor): Promise<Application> {
    const app = await em.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app || !actor.organizationId || app.organizationId !== actor.organizationId)
      throw new NotFoundError('application', id);
    return app;
  }

  private async writeBudget(em: EntityManager, id: string, budget: BudgetLineDto[]): Promise<void> {
    await em.query(`DELETE FROM application_budget_lines WHERE application_id = $1`, [id]);
    await em.query(
      `INSERT INTO application_budget_lines (application_id, n, category, description, amount)
       SELECT $1, t.n, t.category, t.description, t.amount
       FROM unnest($2::text[], $3::text[], $4::bigint[]) WITH ORDINALITY AS t(category, description, amount, n)`,
      [
        id,
        budget.map((l) => l.category),
        budget.map((l) => l.description),
        budget.map((l) => String(l.amount)),
      ],
    );
  }
}
