import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger in the database refuses UPDATE, DELETE and TRUNCATE. */
@Entity('audit_log')
export class AuditLogEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) entity: string;
  @Column({ name: 'entity_id', type: 'text' }) entityId: string;
  @Column({ name: 'fund_id', type: 'uuid', nullable: true }) fundId: string | null;
  @Column({ type: 'jsonb', default: {} }) summary: Record<string, unknown>;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
