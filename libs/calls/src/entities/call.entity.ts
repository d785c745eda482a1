import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { minorUnits } from '@app/core';
import type { CallStatus, RubricCriterion } from '../domain/call-rules';

@Entity('calls')
export class Call {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fund_id', type: 'uuid' }) fundId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', array: true }) themes: string[];
  @Column({ name: 'eligible_countries', type: 'text', array: true }) eligibleCountries: string[];
  @Column({ name: 'min_award', type: 'bigint', nullable: true, transformer: minorUnits }) minAward:
    number | null;
  @Column({ name: 'max_award', type: 'bigint', nullable: true, transformer: minorUnits }) maxAward:
    number | null;
  @Column({ type: 'bigint', nullable: true, transformer: minorUnits }) envelope: number | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'timestamptz', nullable: true }) deadline: Date | null;
  @Column({ type: 'jsonb' }) rubric: RubricCriterion[];
  @Column({ type: 'boolean' }) blind: boolean;
  @Column({ type: 'text' }) status: CallStatus;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
