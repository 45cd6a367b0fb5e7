import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SlotKind } from './coaching-slot.entity';
import { BOOKING_STATUSES, REJECTION_REASONS } from '@bisang/contracts';
import type { BookingStatus, RejectionReason } from '@bisang/contracts';
export { BOOKING_STATUSES, REJECTION_REASONS };
export type { BookingStatus, RejectionReason };



/** BOOKING_NOT_RESCHEDULABLE: a rescheduling whose booking to replace was cancelled or moved before it was decided. */

@Entity({ name: 'coaching_bookings' })
export class CoachingBookingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'slot_id', type: 'uuid' }) slotId: string;
  @Column({ name: 'seeker_id', type: 'uuid' }) seekerId: string;
  @Column({ name: 'coach_id', type: 'uuid' }) coachId: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ type: 'text' }) kind: SlotKind;
  @Column({ type: 'text' }) status: BookingStatus;
  @Column({ type: 'text', nullable: true }) reason: RejectionReason | null;
  /** Why, for a person ("한국어 / English"), e.g. which limit was reached. */
  @Column({ name: 'reason_message', type: 'text', nullable: true }) reasonMessage: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  /** Copied from the slot so that the seeker's no-overlap exclusion constraint can see them. */
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text', nullable: true }) feedback: string | null;
  /** Reminder offsets (minutes before the start) already sent, so a reminder job that runs twice sends once. */
  @Column({ name: 'reminders_sent', type: 'integer', array: true }) remindersSent: number[];
  @Column({ name: 'session_opened_at', type: 'timestamptz', nullable: true }) sessionOpenedAt: Date | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true }) cancelledBy: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  /** A rescheduling request: the seeker's confirmed booking this one replaces once confirmed. */
  @Column({ name: 'replaces_booking_id', type: 'uuid', nullable: true }) replacesBookingId: string | null;
  /** Set on a booking cancelled by rescheduling: the booking that took its place. */
  @Column({ name: 'replaced_by_booking_id', type: 'uuid', nullable: true }) replacedByBookingId: string | null;
  /** A coaching booking: the seeker shows their resume to the coach (their consent, revocable). */
  @Column({ name: 'resume_shared', type: 'boolean' }) resumeShared: boolean;
}
