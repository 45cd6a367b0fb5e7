import { MigrationInterface, QueryRunner } from 'typeorm';

/** The organizer's KPIs count a fair's coaching bookings by kind and status; this keeps that an index scan. */
export class AddKpiIndexes1764505000000 implements MigrationInterface {
  name = 'AddKpiIndexes1764505000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX coaching_bookings_fair_kind_status_idx ON coaching_bookings (fair_id, kind, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX coaching_bookings_fair_kind_status_idx`);
  }
}
