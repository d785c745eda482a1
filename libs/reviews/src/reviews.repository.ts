import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import type { CriterionScore } from './domain/scoring';
import { AssignmentStatus, ReviewAssignment } from './entities/review-assignment.entity';

/** An assignment as the views need it (the entity has these fields too). */
export interface Assignment {
  id: string;
  applicationId: string;
  callId: string;
  reviewerId: string;
  status: AssignmentStatus;
  scores: CriterionScore[] | null;
  conflictReason: string | null;
  createdAt: Date;
  submittedAt: Date | null;
}

interface AssignmentRow {
  id: string;
  application_id: string;
  call_id: string;
  reviewer_id: string;
  status: AssignmentStatus;
  scores: CriterionScore[] | null;
  conflict_reason: string | null;
  created_at: Date;
  submitted_at: Date | null;
}

const ASSIGNMENT_COLUMNS = `id, application_id, call_id, reviewer_id, status, scores, conflict_reason, created_at,
  submitted_at`;

function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: r.id,
    applicationId: r.application_id,
    callId: r.call_id,
    reviewerId: r.reviewer_id,
    status: r.status,
    scores: r.scores,
    conflictReason: r.conflict_reason,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
  };
}

export interface NewAssignment {
  applicationId: string;
  callId: string;
  reviewerId: string;
  assignedBy: string | null;
}

/** The review_assignments table: the entity for the one assignment a use case changes, SQL for the lists. */
@Injectable()
export class ReviewsRepository {
  async byId(em: EntityManager, id: string): Promise<Assignment | undefined> {
    const [r]: AssignmentRow[] = await em.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignments WHERE id = $1`,
      [id],
    );
    return r && toAssignment(r);
  }

  async exists(em: EntityManager, applicationId: string, reviewerId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM review_assignments WHERE application_id = $1 AND reviewer_id = $2`,
      [applicationId, reviewerId],
    );
    return rows.length > 0;
  }

  /** A reviewer's assignments, newest first (keyset on created_at, id); none for the system (null). */
  async pageOfReviewer(
    em: EntityManager,
    reviewerId: string | null,
    after: { at: string | Date; id: string } | null,
    limit: number,
  ): Promise<Assignment[]> {
    const rows: AssignmentRow[] = await em.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignments
       WHERE reviewer_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [reviewerId, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map(toAssignment);
  }

  /** The submitted reviews of a call (the ranking's input). */
  async submittedOnCall(em: EntityManager, callId: string): Promise<Assignment[]> {
    const rows: AssignmentRow[] = await em.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignments WHERE call_id = $1 AND status = 'submitted'`,
      [callId],
    );
    return rows.map(toAssignment);
  }

  async create(em: EntityManager, a: NewAssignment): Promise<ReviewAssignment> {
    return em.save(
      em.create(ReviewAssignment, {
        ...a,
        status: 'assigned',
        scores: null,
        conflictReason: null,
      }),
    );
  }

  /** The assignment locked for the transaction (the entity, which `save` then writes back). */
  async lock(em: EntityManager, id: string): Promise<ReviewAssignment | null> {
    return em.findOne(ReviewAssignment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(em: EntityManager, a: ReviewAssignment): Promise<void> {
    await em.save(a);
  }

  /** Every assignment of a call, oldest first (the manager's view of who reviews what). */
  async onCall(em: EntityManager, callId: string): Promise<Assignment[]> {
    const rows: AssignmentRow[] = await em.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM review_assignments WHERE call_id = $1 ORDER BY created_at, id`,
      [callId],
    );
    return rows.map(toAssignment);
  }

  /** Per reviewer, over all calls: assignments open (assigned), submitted and declined (conflict). */
  async loads(
    em: EntityManager,
  ): Promise<Map<string, { open: number; submitted: number; conflicts: number }>> {
    const rows: { reviewer_id: string; open: string; submitted: string; conflicts: string }[] =
      await em.query(
        `SELECT reviewer_id,
              count(*) FILTER (WHERE status = 'assigned') AS open,
              count(*) FILTER (WHERE status = 'submitted') AS submitted,
              count(*) FILTER (WHERE status = 'conflict') AS conflicts
       FROM review_assignments GROUP BY reviewer_id`,
      );
    return new Map(
      rows.map((r) => [
        r.reviewer_id,
        {
          open: minor(r.open, 'count'),
          submitted: minor(r.submitted, 'count'),
          conflicts: minor(r.conflicts, 'count'),
        },
      ]),
    );
  }
}
