import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@app/core';
import { CallsService } from '@app/calls';
import { Scope, UsersService } from '@app/identity';
import { reviewScore, round2, scoreProblems } from './domain/scoring';
import { CallAssignmentList, ReviewerLoadList } from './dto/review.views';
import { ReviewsRepository } from './reviews.repository';

/** What a fund manager sees to assign reviewers: each reviewer's load and conflicts, a call's assignments. */
@Injectable()
export class ReviewerLoadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ReviewsRepository,
    private readonly users: UsersService,
    private readonly calls: CallsService,
  ) {}

  /** The active reviewers by name, with their open assignments and the conflicts they declared. */
  async reviewers(callId: string, actor: Actor): Promise<ReviewerLoadList> {
    const em = this.dataSource.manager;
    const call = await this.calls.get(em, callId);
    Scope.assertFund(actor, call.fundId, 'call', callId);
    const reviewers = await this.users.activeWithRoleIn(em, 'reviewer');
    const loads = await this.repo.loads(em);
    const onCall = await this.repo.onCall(em, callId);
    return {
      items: reviewers.map((r) => ({
        ...r,
        ...(loads.get(r.id) ?? { open: 0, submitted: 0, conflicts: 0 }),
        conflictApplicationIds: onCall
          .filter((a) => a.reviewerId === r.id && a.status === 'conflict')
          .map((a) => a.applicationId),
      })),
    };
  }

  /** Every assignment of the call with its scores (the fund manager's, never a reviewer's, view). */
  async assignments(callId: string, actor: Actor): Promise<CallAssignmentList> {
    const em = this.dataSource.manager;
    const call = await this.calls.get(em, callId);
    Scope.assertFund(actor, call.fundId, 'call', callId);
    const rows = await this.repo.onCall(em, callId);
    return {
      items: rows.map((a) => {
        const complete = a.scores && scoreProblems(call.rubric, a.scores).length === 0;
        return {
          id: a.id,
          applicationId: a.applicationId,
          callId: a.callId,
          reviewerId: a.reviewerId,
          status: a.status,
          scores: a.scores,
          score: complete ? round2(reviewScore(call.rubric, a.scores!)) : null,
          conflictReason: a.conflictReason,
          createdAt: a.createdAt,
          submittedAt: a.submittedAt,
        };
      }),
    };
  }
}
