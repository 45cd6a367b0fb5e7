import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coaches are approved per fair by an organizer before their slots are visible or bookable. Coaches who already
 * published slots in a fair are approved there, so an existing fair keeps its coaching.
 */
export class CreateFairCoaches1764620000003 implements MigrationInterface {
  name = 'CreateFairCoaches1764620000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fair_coaches (
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        coach_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('pending', 'approved')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        approved_at timestamptz,
        approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        PRIMARY KEY (fair_id, coach_id)
      )`);
    await q.query(`CREATE INDEX fair_coaches_approved_idx ON fair_coaches (fair_id, coach_id) WHERE status = 'approved'`);
    await q.query(`
      INSERT INTO fair_coaches (fair_id, coach_id, status, approved_at)
      SELECT DISTINCT s.fair_id, s.coach_id, 'approved', now()
        FROM coaching_slots s JOIN users u ON u.id = s.coach_id
       WHERE s.kind = 'coaching' AND u.role = 'coach'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_coaches`);
  }
}
