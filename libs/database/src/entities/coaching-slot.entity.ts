import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SLOT_KINDS } from '@bisang/contracts';
import type { SlotKind } from '@bisang/contracts';
export { SLOT_KINDS };
export type { SlotKind };


/** What a slot is for: a coach's 1:1 coaching, or a recruiter's interview for a booth. */

@Entity({ name: 'coaching_slots' })
export class CoachingSlotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  /** The person who runs the session: a coach, or a recruiter for interview slots. */
  @Column({ name: 'coach_id', type: 'uuid' }) coachId: string;
  @Column({ type: 'text' }) kind: SlotKind;
  @Column({ name: 'booth_id', type: 'uuid', nullable: true }) boothId: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  /** A freed slot offered to a waiter: only they may book it until held_until. */
  @Column({ name: 'held_for_seeker_id', type: 'uuid', nullable: true }) heldForSeekerId: string | null;
  @Column({ name: 'held_until', type: 'timestamptz', nullable: true }) heldUntil: Date | null;
  @Column({ name: 'hold_entry_id', type: 'uuid', nullable: true }) holdEntryId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
