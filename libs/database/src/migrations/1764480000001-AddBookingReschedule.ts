import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rescheduling: a booking request may replace one of the seeker's confirmed bookings. The worker confirms
 * the new one and cancels the old one in one transaction, or rejects the new one and leaves the old as it was.
 * - coaching_bookings_one_pending_reschedule: one pending replacement per booking at a time;
 * - the old booking records which booking replaced it;
 * - a rescheduling whose old booking was cancelled or moved before the decision is rejected with
 *   BOOKING_NOT_RESCHEDULABLE (never confirmed as an extra booking).
 */
export class AddBookingReschedule1764480000001 implements MigrationInterface {
  name = 'AddBookingReschedule1764480000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE coaching_bookings
      ADD COLUMN replaces_booking_id uuid REFERENCES coaching_bookings(id) ON DELETE SET NULL,
      ADD COLUMN replaced_by_booking_id uuid REFERENCES coaching_bookings(id) ON DELETE SET NULL,
      ADD CONSTRAINT coaching_bookings_replaces_other CHECK (replaces_booking_id <> id),
      DROP CONSTRAINT coaching_bookings_reason_check,
      ADD CONSTRAINT coaching_bookings_reason_check
        CHECK (reason IN ('SLOT_TAKEN', 'LIMIT_REACHED', 'OVERLAP', 'SLOT_IN_PAST', 'FAIR_NOT_LIVE', 'BOOKING_NOT_RESCHEDULABLE'))`);
    await q.query(
      `CREATE UNIQUE INDEX coaching_bookings_one_pending_reschedule ON coaching_bookings (replaces_booking_id) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX coaching_bookings_one_pending_reschedule`);
    await q.query(`ALTER TABLE coaching_bookings DROP CONSTRAINT coaching_bookings_replaces_other,
      DROP COLUMN replaced_by_booking_id, DROP COLUMN replaces_booking_id,
      DROP CONSTRAINT coaching_bookings_reason_check,
      ADD CONSTRAINT coaching_bookings_reason_check CHECK (reason IN ('SLOT_TAKEN', 'LIMIT_REACHED', 'OVERLAP', 'SLOT_IN_PAST', 'FAIR_NOT_LIVE'))`);
  }
}
