import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WAITLIST_STATUSES } from '@bisang/contracts';
import type { WaitlistStatus } from '@bisang/contracts';
export { WAITLIST_STATUSES };
export type { WaitlistStatus };



/** A seeker waiting for a freed slot of one coach on one day (in the fair's time zone). */
@Entity({ name: 'coaching_waitlist' })
export class CoachingWaitlistEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ name: 'coach_id', type: 'uuid' }) coachId: string;
  @Column({ name: 'seeker_id', type: 'uuid' }) seekerId: string;
  /** YYYY-MM-DD in the fair's time zone. */
  @Column({ type: 'date' }) day: string;
  @Column({ type: 'text' }) status: WaitlistStatus;
  @Column({ name: 'offered_slot_id', type: 'uuid', nullable: true }) offeredSlotId: string | null;
  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true }) offerExpiresAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
