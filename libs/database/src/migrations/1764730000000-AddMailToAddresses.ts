import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - Mail to an address that may have no account (a company invitation): a delivery's `user_id` is the account when
 *   there is one, and null otherwise; its id (event + kind + invitation) stays the one guard against a second mail.
 * - Mail of no single event (a recruiter's applicant digest of a booth and an hour): `event_id` is null.
 */
export class AddMailToAddresses1764730000000 implements MigrationInterface {
  name = 'AddMailToAddresses1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_deliveries ALTER COLUMN user_id DROP NOT NULL, ALTER COLUMN event_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM mail_deliveries WHERE user_id IS NULL OR event_id IS NULL`);
    await q.query(`ALTER TABLE mail_deliveries ALTER COLUMN user_id SET NOT NULL, ALTER COLUMN event_id SET NOT NULL`);
  }
}
