import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announcements as things organizers manage (issue 15 item 10): listed, edited and withdrawn. Each keeps the
 * feed event that first told it (`feed_event_id`, dense per fair, so not an id of its own); edits and withdrawals
 * go on the feed as `announcement.updated` / `announcement.withdrawn`. Announcements made before this table
 * are copied from the feed.
 */
export class CreateAnnouncements1764760000003 implements MigrationInterface {
  name = 'CreateAnnouncements1764760000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE announcements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        feed_event_id bigint NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        UNIQUE (fair_id, feed_event_id)
      )`);
    await q.query(`CREATE INDEX announcements_fair_listed_idx ON announcements (fair_id, feed_event_id DESC) WHERE withdrawn_at IS NULL`);
    await q.query(`
      INSERT INTO announcements (fair_id, feed_event_id, title, body, created_by, created_at, updated_at)
      SELECT e.fair_id, e.id, left(e.data->>'title', 200), left(e.data->>'body', 5000), u.id, e.at, e.at
        FROM fair_events e
        LEFT JOIN users u ON u.id::text = e.data->>'by'
       WHERE e.type = 'announcement' AND coalesce(e.data->>'title', '') <> '' AND coalesce(e.data->>'body', '') <> ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE announcements`);
  }
}
