import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@app/core';
import type { Locale } from '../accounts/locales';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored as given; unique ignoring case (a unique index on lower(email)). */
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ type: 'text', array: true }) roles: Role[];
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @Column({ name: 'donor_id', type: 'uuid', nullable: true }) donorId: string | null;
  @Column({ name: 'fund_ids', type: 'uuid', array: true, default: () => `'{}'` }) fundIds: string[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** One of the six UN languages (ar, zh, en, fr, ru, es); the mail uses it. */
  @Column({ type: 'text', default: 'en' }) locale: Locale;
  /** The organization's admin (one per organization) manages its team. */
  @Column({ name: 'is_org_admin', type: 'boolean', default: false }) isOrgAdmin: boolean;
  /** Self-registered and not yet confirmed by the link mailed to the address (inactive meanwhile). */
  @Column({ name: 'awaiting_confirmation', type: 'boolean', default: false }) awaitingConfirmation: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
