import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CriterionScore } from '../domain/scoring';

export type AssignmentStatus = 'assigned' | 'conflict' | 'submitted';

/** One reviewer on one application; the scores are the reviewer's own, seen by nobody else but staff. */
@Entity('review_assignments')
export class ReviewAssignment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'call_id', type: 'uuid' }) callId: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ type: 'text' }) status: AssignmentStatus;
  @Column({ type: 'jsonb', nullable: true }) scores: CriterionScore[] | null;
  @Column({ name: 'conflict_reason', type: 'text', nullable: true }) conflictReason: string | null;
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true }) assignedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'conflict_at', type: 'timestamptz', nullable: true }) conflictAt: Date | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
}
