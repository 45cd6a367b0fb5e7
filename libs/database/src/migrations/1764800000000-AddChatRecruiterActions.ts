import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booth chat, second part (issue 13 items 2-3):
 * - `chats.staff_note` / `staff_rating`: the company staff's private note and rating of the conversation (never
 *   shown to the seeker); `reviewed_at` is kept apart from anything the seeker reads.
 * - `chat_messages.action`: a message that carries an act of the recruiter (an invitation to apply, an offered
 *   interview slot), so that the seeker answers it from the chat with one click.
 * - (`pool_invitations.chat_id`, the chat an invitation to apply was sent from, is added by AddPoolChatInvitations.)
 * - `chat_slot_offers`: one of the booth's interview slots offered to the chat's seeker; it makes that slot
 *   bookable by that seeker through the ordinary booking path (once per slot and seeker).
 * - `booth_queue_entries.away_since` and status `abandoned`: a seeker whose sockets all dropped keeps their place
 *   for a grace period, then the entry is abandoned.
 * - `booths.chat_minutes` (default 10) and `chats.time_limit_minutes`: the per-booth chat timer, fixed per chat at its start.
 */
export class AddChatRecruiterActions1764800000000 implements MigrationInterface {
  name = 'AddChatRecruiterActions1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chats
        ADD COLUMN staff_note text CHECK (char_length(staff_note) <= 5000),
        ADD COLUMN staff_rating smallint CHECK (staff_rating BETWEEN 1 AND 5),
        ADD COLUMN reviewed_at timestamptz,
        ADD COLUMN time_limit_minutes smallint CHECK (time_limit_minutes BETWEEN 1 AND 120)`);
    await q.query(`ALTER TABLE chat_messages ADD COLUMN action jsonb`);
    await q.query(`
      CREATE TABLE chat_slot_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES coaching_slots(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        booth_id uuid NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        offered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT chat_slot_offers_once UNIQUE (slot_id, seeker_id)
      )`);
    await q.query(`CREATE INDEX chat_slot_offers_chat_idx ON chat_slot_offers (chat_id)`);
    await q.query(`ALTER TABLE booth_queue_entries ADD COLUMN away_since timestamptz`);
    await q.query(`ALTER TABLE booth_queue_entries DROP CONSTRAINT booth_queue_entries_status_check`);
    await q.query(`ALTER TABLE booth_queue_entries ADD CONSTRAINT booth_queue_entries_status_check CHECK (status IN ('waiting', 'served', 'left', 'abandoned'))`);
    await q.query(`ALTER TABLE booths ADD COLUMN chat_minutes smallint NOT NULL DEFAULT 10 CHECK (chat_minutes BETWEEN 1 AND 120)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booths DROP COLUMN chat_minutes`);
    await q.query(`UPDATE booth_queue_entries SET status = 'left' WHERE status = 'abandoned'`);
    await q.query(`ALTER TABLE booth_queue_entries DROP CONSTRAINT booth_queue_entries_status_check`);
    await q.query(`ALTER TABLE booth_queue_entries ADD CONSTRAINT booth_queue_entries_status_check CHECK (status IN ('waiting', 'served', 'left'))`);
    await q.query(`ALTER TABLE booth_queue_entries DROP COLUMN away_since`);
    await q.query(`DROP TABLE chat_slot_offers`);
    await q.query(`ALTER TABLE chat_messages DROP COLUMN action`);
    await q.query(`ALTER TABLE chats DROP COLUMN staff_note, DROP COLUMN staff_rating, DROP COLUMN reviewed_at, DROP COLUMN time_limit_minutes`);
  }
}
