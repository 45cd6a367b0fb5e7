import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A user's stored notification; the same one is pushed live as the socket `notification` event, with `seq` as its id. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  /** Dense per user: 1, 2, 3, … (users.last_notification_seq). */
  @Column({ type: 'bigint' }) seq: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  /** The domain event it came from: one notification per event and user. */
  @Column({ name: 'event_id', type: 'bigint', nullable: true }) eventId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
}
