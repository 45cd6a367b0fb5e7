import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved postings (스크랩, issue 15): a seeker keeps postings to come back to and is reminded a day before one closes.
 * `reminded_for` is the closing time the reminder was sent for: once per deadline, again when the deadline moves.
 */
export class CreateSavedPostings1764830000000 implements MigrationInterface {
  name = 'CreateSavedPostings1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_postings (
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        posting_id uuid NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        saved_at timestamptz NOT NULL,
        reminded_for timestamptz,
        PRIMARY KEY (seeker_id, posting_id)
      )`);
    await q.query(`CREATE INDEX saved_postings_seeker_listed_idx ON saved_postings (seeker_id, saved_at DESC, posting_id)`);
    await q.query(`CREATE INDEX saved_postings_posting_idx ON saved_postings (posting_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_postings`);
  }
}
