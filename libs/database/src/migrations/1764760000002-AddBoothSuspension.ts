import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizers suspend an approved booth, with a reason (issue 15 item 10): status 'suspended' hides the booth
 * and, since postings are visible only while their booth is approved, its postings too.
 */
export class AddBoothSuspension1764760000002 implements MigrationInterface {
  name = 'AddBoothSuspension1764760000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booths DROP CONSTRAINT booths_status_check`);
    await q.query(`ALTER TABLE booths ADD CONSTRAINT booths_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'suspended'))`);
    await q.query(`ALTER TABLE booths ADD COLUMN suspension_reason text, ADD COLUMN suspended_at timestamptz`);
    await q.query(`ALTER TABLE booths ADD CONSTRAINT booths_suspension_reason CHECK ((status = 'suspended') = (suspension_reason IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE booths SET status = 'approved' WHERE status = 'suspended'`);
    await q.query(`ALTER TABLE booths DROP CONSTRAINT booths_suspension_reason`);
    await q.query(`ALTER TABLE booths DROP COLUMN suspension_reason, DROP COLUMN suspended_at`);
    await q.query(`ALTER TABLE booths DROP CONSTRAINT booths_status_check`);
    await q.query(`ALTER TABLE booths ADD CONSTRAINT booths_status_check CHECK (status IN ('pending', 'approved', 'rejected'))`);
  }
}
