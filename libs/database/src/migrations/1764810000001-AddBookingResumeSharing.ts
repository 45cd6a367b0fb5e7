import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A seeker's consent to show their resume to the coach of one coaching booking (issue 14 item 6: "the resume where
 * consent allows"; PRODUCT: coaches see only what their booked seekers share). Off until the seeker turns it on;
 * a rescheduled booking keeps the choice of the one it replaces. An interviewer needs no flag: the seeker applied to
 * the interviewer's company, which is consent already (the booth consent rule).
 */
export class AddBookingResumeSharing1764810000001 implements MigrationInterface {
  name = 'AddBookingResumeSharing1764810000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE coaching_bookings ADD COLUMN resume_shared boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE coaching_bookings DROP COLUMN resume_shared`);
  }
}
