import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coaching and interview slots, their bookings and the waitlist. The booking invariants live here, in
 * PostgreSQL, so that no code path, retry, duplicate job delivery or crash can break them:
 * - coaching_bookings_one_per_slot: a slot has at most one confirmed (or completed / no-show) booking;
 * - coaching_bookings_seeker_no_overlap: a seeker's confirmed bookings never overlap;
 * - coaching_slots_coach_no_overlap: a coach's live slots never overlap.
 * The per-seeker upcoming limit is checked by the deciding transaction under a per-seeker advisory lock.
 */
export class CreateCoaching1764460000000 implements MigrationInterface {
  name = 'CreateCoaching1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE coaching_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        coach_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL DEFAULT 'coaching' CHECK (kind IN ('coaching', 'interview')),
        booth_id uuid REFERENCES booths(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        held_for_seeker_id uuid REFERENCES users(id) ON DELETE SET NULL,
        held_until timestamptz,
        hold_entry_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT coaching_slots_window CHECK (ends_at > starts_at),
        CONSTRAINT coaching_slots_interview_has_booth CHECK ((kind = 'interview') = (booth_id IS NOT NULL)),
        CONSTRAINT coaching_slots_hold_complete CHECK ((held_for_seeker_id IS NULL) = (held_until IS NULL)),
        CONSTRAINT coaching_slots_coach_no_overlap
          EXCLUDE USING gist (coach_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (withdrawn_at IS NULL)
      )`);
    await q.query(`CREATE INDEX coaching_slots_fair_start_idx ON coaching_slots (fair_id, starts_at, id) WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE INDEX coaching_slots_coach_start_idx ON coaching_slots (coach_id, starts_at)`);

    await q.query(`
      CREATE TABLE coaching_bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slot_id uuid NOT NULL REFERENCES coaching_slots(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        coach_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('coaching', 'interview')),
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show')),
        reason text CHECK (reason IN ('SLOT_TAKEN', 'LIMIT_REACHED', 'OVERLAP', 'SLOT_IN_PAST', 'FAIR_NOT_LIVE')),
        reason_message text,
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        feedback text CHECK (length(feedback) <= 5000),
        reminders_sent integer[] NOT NULL DEFAULT '{}',
        session_opened_at timestamptz,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        cancelled_at timestamptz,
        cancelled_by uuid REFERENCES users(id) ON DELETE SET NULL,
        completed_at timestamptz,
        CONSTRAINT coaching_bookings_window CHECK (ends_at > starts_at),
        CONSTRAINT coaching_bookings_reason_iff_rejected CHECK ((status = 'rejected') = (reason IS NOT NULL)),
        CONSTRAINT coaching_bookings_seeker_no_overlap
          EXCLUDE USING gist (seeker_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'confirmed')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX coaching_bookings_one_per_slot ON coaching_bookings (slot_id) WHERE status IN ('confirmed', 'completed', 'no_show')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX coaching_bookings_idempotency_key ON coaching_bookings (seeker_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX coaching_bookings_seeker_idx ON coaching_bookings (seeker_id, fair_id, status)`);
    await q.query(`CREATE INDEX coaching_bookings_seeker_list_idx ON coaching_bookings (seeker_id, starts_at DESC, id DESC)`);
    await q.query(`CREATE INDEX coaching_bookings_coach_list_idx ON coaching_bookings (coach_id, starts_at DESC, id DESC)`);
    await q.query(`CREATE INDEX coaching_bookings_slot_idx ON coaching_bookings (slot_id)`);

    await q.query(`
      CREATE TABLE coaching_waitlist (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        coach_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        day date NOT NULL,
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'accepted', 'expired', 'left')),
        offered_slot_id uuid REFERENCES coaching_slots(id) ON DELETE SET NULL,
        offer_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX coaching_waitlist_one_active ON coaching_waitlist (coach_id, day, seeker_id) WHERE status IN ('waiting', 'offered')`,
    );
    await q.query(`CREATE INDEX coaching_waitlist_queue_idx ON coaching_waitlist (coach_id, day, created_at, id) WHERE status = 'waiting'`);
    await q.query(
      `ALTER TABLE coaching_slots ADD CONSTRAINT coaching_slots_hold_entry_fk FOREIGN KEY (hold_entry_id) REFERENCES coaching_waitlist(id) ON DELETE SET NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE coaching_slots DROP CONSTRAINT coaching_slots_hold_entry_fk`);
    await q.query(`DROP TABLE coaching_waitlist`);
    await q.query(`DROP TABLE coaching_bookings`);
    await q.query(`DROP TABLE coaching_slots`);
  }
}
