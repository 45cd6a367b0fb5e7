import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fair's programme (issue 15): company briefings (기업설명회) and other items with their times, listed on the
 * fair's home. A briefing may name the booth (and so the company) it belongs to. Seats and booking come later.
 */
export class CreateProgrammeItems1764830000001 implements MigrationInterface {
  name = 'CreateProgrammeItems1764830000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('briefing', 'talk', 'workshop', 'other')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text CHECK (char_length(description) <= 2000),
        booth_id uuid REFERENCES booths(id) ON DELETE SET NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX programme_items_fair_time_idx ON programme_items (fair_id, starts_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme_items`);
  }
}
