import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  isPgError,
  JOB,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  PG,
  toPage,
} from '@app/core';
import { ApplicationsService } from '@app/applications';
import type { ApplicationStatus } from '@app/applications';
import { CallsService } from '@app/calls';
import type { RubricCriterion } from '@app/calls';
import { Scope, UsersService } from '@app/identity';
import { DEFAULT_SPREAD_THRESHOLD, rank, reviewScore, round2, scoreProblems } from './domain/scoring';
import { AssignmentQuery, AssignmentView, RankingView, ScoresDto } from './dto/review.dto';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { Assignment, ReviewsRepository } from './reviews.repository';
import {
  ApplicationDecided,
  ConflictDeclared,
  DuplicateAssignment,
  InvalidScores,
  NotAReviewer,
  NotEligibleForReview,
  ReviewIncomplete,
  ReviewSubmitted,
} from './reviews.errors';

function toView(a: Assignment, rubric: readonly RubricCriterion[] | null): AssignmentView {
  const complete = a.scores && rubric && scoreProblems(rubric, a.scores).length === 0;
  return {
    id: a.id,
    applicationId: a.applicationId,
    callId: a.callId,
    reviewerId: a.reviewerId,
    status: a.status,
    scores: a.scores,
    score: complete ? round2(reviewScore(rubric, a.scores!)) : null,
    conflictReason: a.conflictReason,
    createdAt: a.createdAt,
    submittedAt: a.submittedAt,
  };
}

/** The applications a call's ranking lists: those under review and those decided since. */
const RANKED: readonly ApplicationStatus[] = ['eligible', 'approved', 'rejected'];

/** Reviews: assignments, conflicts of interest, scoring against the call's rubric, and the ranking. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ReviewsRepository,
    private readonly users: UsersService,
    private readonly applications: ApplicationsService,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** The first assignment of a call moves it closed -> under_review, in the same transaction. */
  async assign(applicationId: string, reviewerId: string, actor: Actor): Promise<AssignmentView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const app = await this.applications.lockById(em, applicationId);
        Scope.assertFund(actor, app.fundId, 'application', applicationId);
        if (app.status !== 'eligible') throw new NotEligibleForReview(app.status);
        if (!(await this.users.isActiveWithRole(em, reviewerId, 'reviewer'))) throw new NotAReviewer();
        if (await this.repo.exists(em, applicationId, reviewerId)) throw new DuplicateAssignment();
        const call = await this.calls.lockById(em, app.callId);
        if (call.status === 'closed') await this.calls.markUnderReview(em, call.id, actor);
        const assignment = await this.repo.create(em, {
          applicationId,
          callId: app.callId,
          reviewerId,
          assignedBy: actor.userId,
        });
        await this.audit.record(em, actor, {
          action: 'review.assigned',
          entity: 'review_assignment',
          entityId: assignment.id,
          summary: { applicationId, reviewerId },
        });
        await this.outbox.add(em, JOB.ASSIGNMENT_CHANGED, {
          assignmentId: assignment.id,
          status: 'assigned',
        });
        return toView(assignment, call.rubric);
      });
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'review_assignments_once_key'))
        throw new DuplicateAssignment();
      throw error;
    }
  }

  async mine(query: AssignmentQuery, actor: Actor): Promise<Page<AssignmentView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const em = this.dataSource.manager;
    const rows = await this.repo.pageOfReviewer(em, actor.userId, cursor, limit + 1);
    const rubrics = new Map<string, RubricCriterion[]>();
    for (const callId of new Set(rows.map((r) => r.callId)))
      rubrics.set(callId, (await this.calls.get(em, callId)).rubric);
    return toPage(
      rows,
      limit,
      (r) => toView(r, rubrics.get(r.callId) ?? null),
      (r) => encodeCursor(r.createdAt, r.id),
    );
  }

  async declareConflict(id: string, reason: string, actor: Actor): Promise<AssignmentView> {
    return this.dataSource.transaction(async (em) => {
      const a = await this.lockOwn(em, id, actor);
      if (a.status === 'conflict') throw new ConflictDeclared();
      if (a.status === 'submitted') throw new ReviewSubmitted();
      a.status = 'conflict';
      a.conflictReason = reason.trim();
      a.conflictAt = this.clock.now();
      await this.repo.save(em, a);
      await this.audit.record(em, actor, {
        action: 'review.conflict_declared',
        entity: 'review_assignment',
        entityId: id,
        summary: { applicationId: a.applicationId, reason: a.conflictReason },
      });
      await this.outbox.add(em, JOB.ASSIGNMENT_CHANGED, { assignmentId: id, status: 'conflict' });
      return toView(a, null);
    });
  }

  async score(id: string, dto: ScoresDto, actor: Actor): Promise<AssignmentView> {
    return this.dataSource.transaction(async (em) => {
      const a = await this.lockOwn(em, id, actor);
      this.assertCanScore(a);
      await this.assertUndecided(em, a);
      const { rubric } = await this.calls.get(em, a.callId);
      const problems = scoreProblems(rubric, dto.scores);
      if (problems.length) throw new InvalidScores(problems);
      a.scores = dto.scores.map((s) => ({
        criterion: s.criterion,
        score: s.score,
        comment: s.comment.trim(),
      }));
      await this.repo.save(em, a);
      await this.audit.record(em, actor, {
        action: 'review.scored',
        entity: 'review_assignment',
        entityId: id,
        summary: { applicationId: a.applicationId },
      });
      return toView(a, rubric);
    });
  }

  async submit(id: string, actor: Actor): Promise<AssignmentView> {
    return this.dataSource.transaction(async (em) => {
      const a = await this.lockOwn(em, id, actor);
      this.assertCanScore(a);
      await this.assertUndecided(em, a);
      const { rubric } = await this.calls.get(em, a.callId);
      const problems = a.scores
        ? scoreProblems(rubric, a.scores)
        : [{ field: 'scores', messages: ['nothing scored yet'] }];
      if (problems.length) throw new ReviewIncomplete(problems);
      a.status = 'submitted';
      a.submittedAt = this.clock.now();
      await this.repo.save(em, a);
      const score = reviewScore(rubric, a.scores!);
      await this.audit.record(em, actor, {
        action: 'review.submitted',
        entity: 'review_assignment',
        entityId: id,
        summary: { applicationId: a.applicationId, score },
      });
      await this.outbox.add(em, JOB.ASSIGNMENT_CHANGED, { assignmentId: id, status: 'submitted' });
      return toView(a, rubric);
    });
  }

  /** Over the call's eligible applications (and those decided since), best first. */
  async ranking(callId: string, threshold: number | undefined, actor: Actor): Promise<RankingView> {
    const em = this.dataSource.manager;
    const call = await this.calls.get(em, callId);
    Scope.assertFund(actor, call.fundId, 'call', callId);
    const apps = await this.applications.idsOnCall(em, callId, RANKED);
    const submitted = await this.repo.submittedOnCall(em, callId);
    const reviews = new Map<string, number[]>();
    for (const r of submitted) {
      if (!r.scores) continue;
      reviews.set(r.applicationId, [
        ...(reviews.get(r.applicationId) ?? []),
        reviewScore(call.rubric, r.scores),
      ]);
    }
    const t = threshold ?? DEFAULT_SPREAD_THRESHOLD;
    return {
      items: rank(apps, reviews, t),
      threshold: t,
    };
  }

  private assertCanScore(a: ReviewAssignment): void {
    if (a.status === 'conflict') throw new ConflictDeclared();
    if (a.status === 'submitted') throw new ReviewSubmitted();
  }

  /**
   * Only an eligible application's reviews change: once it is decided (or withdrawn) the ranking is final.
   * Locks the application after the assignment, so a decision committing meanwhile is seen (409).
   */
  private async assertUndecided(em: EntityManager, a: ReviewAssignment): Promise<void> {
    const app = await this.applications.lockById(em, a.applicationId);
    if (app.status !== 'eligible') throw new ApplicationDecided(app.status);
  }

  /** The caller's own assignment, locked; someone else's does not exist for them. */
  private async lockOwn(em: EntityManager, id: string, actor: Actor): Promise<ReviewAssignment> {
    const a = await this.repo.lock(em, id);
    if (!a || a.reviewerId !== actor.userId) throw new NotFoundError('assignment', id);
    return a;
  }
}
