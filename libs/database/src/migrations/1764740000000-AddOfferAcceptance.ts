import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seeker's answer to an offer: `offer_accepted_at` is set when they accept in the app (declining withdraws the
 * application, which the transitions already record). Staff see it before they record the hire.
 */
export class AddOfferAcceptance1764740000000 implements MigrationInterface {
  name = 'AddOfferAcceptance1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN offer_accepted_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN offer_accepted_at`);
  }
}
