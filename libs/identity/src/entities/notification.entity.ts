import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message for one user, written by a job (in-app inbox; mail is sent from these rows). The pair
 * (event_id, user_id) is unique, so a job that runs twice notifies nobody twice.
 */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'event_id', type: 'text' }) eventId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  /** When the mail for this notification was handed to the SMTP server (null: not yet, or no SMTP). */
  /** How the user wanted this kind delivered when it was written: portal only, e-mail at once, digest. */
  @Column({ type: 'text', default: 'email' }) delivery: 'portal' | 'email' | 'digest';
  @Column({ name: 'mailed_at', type: 'timestamptz', nullable: true }) mailedAt: Date | null;
}
