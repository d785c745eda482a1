import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  DueDiligenceGate,
  isPgError,
  JOB,
  NotFoundError,
  OutboxService,
  PG,
  SYSTEM_ACTOR,
} from '@app/core';
import { CallsService } from '@app/calls';
import { Scope } from '@app/identity';
import { ApplicationQueriesService, hidesApplicant } from './application-queries.service';
import { DraftEditsService } from './draft-edits.service';
import {
  ApplicationOutsideCall,
  CallNotAccepting,
  CallNotClosed,
  CallNotOpen,
  DeadlinePassed,
  DuplicateApplication,
  InvalidApplicationState,
  OrganizationNotVerified,
} from './applications.errors';
import { ApplicationStatus, canWithdraw } from './domain/application-rules';
import { fitProblems, totalOf, withinCap } from './domain/budget';
import {
  ApplicationView,
  CreateApplicationDto,
  EligibilityDto,
  UpdateApplicationDto,
} from './dto/application.dto';
import { Application } from './entities/application.entity';
import { ApplicationsRepository, toApplicationView } from './repositories/applications.repository';
import { DraftChange, DraftSaveRepository } from './repositories/draft-save.repository';

/**
 * The application's life: drafting, editing, submission before the deadline, withdrawal, screening and the
 * decision (for the grants context), with the call settling once no application waits. Reads are in
 * ApplicationQueriesService, files in ApplicationAttachmentsService.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: CallsService,
    private readonly repo: ApplicationsRepository,
    private readonly queries: ApplicationQueriesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly dueDiligence: DueDiligenceGate,
    private readonly edits: DraftEditsService,
    private readonly saves: DraftSaveRepository,
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
        if (problems.length) throw new ApplicationOutsideCall(problems);
        if (await this.repo.hasActive(em, callId, actor.organizationId)) throw new DuplicateApplication();
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
        await this.repo.writeBudget(em, app.id, dto.budget);
        await this.audit.record(em, actor, {
          action: 'application.created',
          entity: 'application',
          entityId: app.id,
          summary: { callId, organizationId: app.organizationId, requested },
        });
        return app.id;
      });
      return this.queries.view(id, actor);
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'applications_one_active_per_org_key'))
        throw new DuplicateApplication();
      throw error;
    }
  }

  /**
   * A draft save: one round trip (DraftSaveRepository.save: lock, gate, write and the view's row). When
   * the gate refuses, or the budget's total is refused, the draft is locked in a transaction and checked
   * in the order the rules have always had (404 not the caller's, 409 not a draft, 422 call not
   * accepting, 422 deadline, 400 budget total, 422 outside the call's terms): the refusal is named, or,
   * when the draft changed in between and now passes, it is saved under that lock.
   */
  async update(id: string, dto: UpdateApplicationDto, actor: Actor): Promise<ApplicationView> {
    const organizationId = actor.organizationId;
    if (!organizationId) throw new NotFoundError('application', id);
    const change = (at: Date, requested: number | undefined): DraftChange => ({
      id,
      organizationId,
      title: dto.title?.trim(),
      summary: dto.summary,
      countries: dto.countries,
      services: dto.services,
      expectedVictims: dto.expectedVictims,
      budget: dto.budget,
      requested,
      at,
      fields: Object.keys(dto),
      actorId: actor.userId,
      address: actor.address ?? null,
    });
    // not one audit row a save: the day's tally, audited at submission or by the daily job
    const total = dto.budget === undefined ? undefined : withinCap(dto.budget);
    const saved =
      (total !== null && (await this.saves.save(this.dataSource.manager, change(this.clock.now(), total)))) ||
      (await this.dataSource.transaction(async (em) => {
        const draft = await this.saves.lock(em, id);
        if (!draft || draft.organizationId !== organizationId) throw new NotFoundError('application', id);
        if (draft.status !== 'draft') throw new InvalidApplicationState(draft.status, 'edit');
        const { call } = draft;
        if (call.status !== 'published' && call.status !== 'open') throw new CallNotAccepting();
        const now = this.clock.now();
        if (call.deadline && now >= call.deadline) throw new DeadlinePassed();
        const countries = dto.countries ?? draft.countries;
        const services = dto.services ?? draft.services;
        const requested = dto.budget !== undefined ? totalOf(dto.budget) : draft.requested;
        const problems = fitProblems(call, { countries, services, requested });
        if (problems.length) throw new ApplicationOutsideCall(problems);
        const underLock = await this.saves.save(em, change(now, requested));
        // the gate states the checks above in SQL: under the same lock it cannot refuse what they passed
        if (!underLock) throw new Error(`draft ${id}: the save's gate refused what its checks passed`);
        return underLock;
      }));
    return toApplicationView(saved.row, saved.lines, saved.files, hidesApplicant(saved.row, actor));
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
      if (!(await this.repo.organizationVerified(em, app.organizationId)))
        throw new OrganizationNotVerified();
      // Due diligence (the partners context, through core's port): expired documents, a blocked
      // organization, and the verified profile the fund may require.
      await this.dueDiligence.beforeSubmission(em, app.organizationId, app.fundId);
      const problems = fitProblems(call, app);
      if (problems.length) throw new ApplicationOutsideCall(problems);
      app.status = 'submitted';
      app.submittedAt = now;
      await em.save(app);
      await this.edits.flush(em, id); // the draft's edits, then its submission, in the audit log
      await this.audit.record(em, actor, {
        action: 'application.submitted',
        entity: 'application',
        entityId: id,
        summary: { callId: app.callId, requested: app.requested },
      });
      await this.outbox.add(em, JOB.APPLICATION_SUBMITTED, { applicationId: id });
    });
    return this.queries.view(id, actor);
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
    return this.queries.view(id, actor);
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
    return this.queries.view(id, actor);
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

  /** The caller's own organization's application, locked; anything else does not exist for them. */
  async lockOwn(em: EntityManager, id: string, actor: Actor): Promise<Application> {
    const app = await em.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app || !actor.organizationId || app.organizationId !== actor.organizationId)
      throw new NotFoundError('application', id);
    return app;
  }
}
