import { MigrationInterface, QueryRunner } from 'typeorm';

/** A fair's description (issue 15 item 11): what the fair is, shown on its home page; set and edited by organizers. */
export class AddFairDescription1764760000001 implements MigrationInterface {
  name = 'AddFairDescription1764760000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fairs ADD COLUMN description text CHECK (char_length(description) <= 5000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fairs DROP COLUMN description`);
  }
}
