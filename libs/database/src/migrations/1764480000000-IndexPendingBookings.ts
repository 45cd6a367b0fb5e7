import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets the worker's sweep find bookings left pending (oldest first) without reading the whole table. */
export class IndexPendingBookings1764480000000 implements MigrationInterface {
  name = 'IndexPendingBookings1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX coaching_bookings_pending_idx ON coaching_bookings (requested_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX coaching_bookings_pending_idx`);
  }
}
