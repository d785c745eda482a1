import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { minorUnits } from '@app/core';
import type { ApplicationStatus } from '../domain/application-rules';

/** An NGO's proposal to a call. Budget lines live in `application_budget_lines`, files in `application_attachments`. */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'call_id', type: 'uuid' }) callId: string;
  @Column({ name: 'fund_id', type: 'uuid' }) fundId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'text', array: true }) countries: string[];
  @Column({ type: 'text', array: true }) services: string[];
  @Column({ name: 'expected_victims', type: 'int' }) expectedVictims: number;
  @Column({ type: 'bigint', transformer: minorUnits }) requested: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text' }) status: ApplicationStatus;
  @Column({ name: 'eligibility_reason', type: 'text', nullable: true }) eligibilityReason: string | null;
  @Column({ name: 'screened_at', type: 'timestamptz', nullable: true }) screenedAt: Date | null;
  @Column({ name: 'screened_by', type: 'uuid', nullable: true }) screenedBy: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
