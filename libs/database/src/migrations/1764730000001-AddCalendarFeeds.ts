import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's private calendar feed: its URL carries a token signed for the user and this version; rotating the
 * version (a random value, useless without the server's secret) revokes every URL handed out before.
 */
export class AddCalendarFeeds1764730000001 implements MigrationInterface {
  name = 'AddCalendarFeeds1764730000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN calendar_feed_version text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN calendar_feed_version`);
  }
}
