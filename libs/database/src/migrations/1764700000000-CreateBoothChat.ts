import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booth chat: staff presence, the walk-up queue, conversations and their messages. Every invariant is a constraint
 * or is taken under a row lock, so that two recruiters on two nodes pressing "take next" at once cannot break it.
 * - `booth_staff_presence`: a recruiter's capacity at a booth; "take next" locks this row, so a recruiter's open
 *   chats are counted and added to one at a time. Online while a live hold exists in `booth_staff_presence_holds`
 *   (one per socket that said `booth:online`, refreshed by its gateway node; an HTTP hold never expires).
 * - `booth_queue_entries`: one waiting entry per booth and seeker (`booth_queue_one_waiting`); `ord` is the serving order.
 * - `chats`: a conversation between a seeker and a recruiter (booth_id nullable for conversations of other
 *   features). At most one chat per queue entry (unique queue_entry_id) and one open live chat per seeker
 *   (`chats_one_open_live_per_seeker`): a seeker in a chat elsewhere cannot be taken twice.
 * - `chats.seeker_read_seq` / `recruiter_read_seq`: read markers (the highest seq each side has read).
 * - `chat_messages`: seq strictly increasing per chat, assigned from `chats.last_seq` under the chat's row lock.
 */
export class CreateBoothChat1764700000000 implements MigrationInterface {
  name = 'CreateBoothChat1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE booth_staff_presence (
        booth_id uuid NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
        recruiter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        capacity smallint NOT NULL DEFAULT 2 CHECK (capacity BETWEEN 1 AND 4),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (booth_id, recruiter_id)
      )`);
    await q.query(`
      CREATE TABLE booth_staff_presence_holds (
        holder text NOT NULL,
        booth_id uuid NOT NULL,
        recruiter_id uuid NOT NULL,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (holder, booth_id),
        FOREIGN KEY (booth_id, recruiter_id) REFERENCES booth_staff_presence (booth_id, recruiter_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX booth_staff_presence_holds_staff_idx ON booth_staff_presence_holds (booth_id, recruiter_id)`);
    await q.query(`
      CREATE TABLE booth_queue_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ord bigint GENERATED ALWAYS AS IDENTITY,
        booth_id uuid NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'served', 'left')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        next_notified_at timestamptz,
        CONSTRAINT booth_queue_settled CHECK ((status = 'waiting') = (settled_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX booth_queue_one_waiting ON booth_queue_entries (booth_id, seeker_id) WHERE status = 'waiting'`);
    await q.query(`CREATE INDEX booth_queue_waiting_order ON booth_queue_entries (booth_id, ord) WHERE status = 'waiting'`);
    await q.query(`CREATE INDEX booth_queue_seeker_waiting ON booth_queue_entries (seeker_id) WHERE status = 'waiting'`);
    await q.query(`CREATE INDEX booth_queue_fair_idx ON booth_queue_entries (fair_id, status)`);
    await q.query(`
      CREATE TABLE chats (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL DEFAULT 'live' CHECK (kind IN ('live', 'message')),
        booth_id uuid REFERENCES booths(id) ON DELETE CASCADE,
        fair_id uuid REFERENCES fairs(id) ON DELETE CASCADE,
        company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        recruiter_id uuid REFERENCES users(id) ON DELETE SET NULL,
        queue_entry_id uuid UNIQUE REFERENCES booth_queue_entries(id) ON DELETE SET NULL,
        last_seq integer NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        seeker_read_seq integer NOT NULL DEFAULT 0,
        recruiter_read_seq integer NOT NULL DEFAULT 0,
        waited_seconds integer,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        ended_by uuid,
        CONSTRAINT chats_live_has_recruiter CHECK (kind <> 'live' OR recruiter_id IS NOT NULL OR ended_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX chats_one_open_live_per_seeker ON chats (seeker_id) WHERE ended_at IS NULL AND kind = 'live'`);
    await q.query(`CREATE INDEX chats_recruiter_open ON chats (recruiter_id, booth_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX chats_seeker_recent ON chats (seeker_id, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX chats_recruiter_recent ON chats (recruiter_id, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX chats_booth_ended ON chats (booth_id, ended_at DESC) WHERE ended_at IS NOT NULL`);
    await q.query(`CREATE INDEX chats_fair_idx ON chats (fair_id)`);
    await q.query(`
      CREATE TABLE chat_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chat_id uuid NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq > 0),
        sender_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT chat_messages_seq_unique UNIQUE (chat_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chat_messages`);
    await q.query(`DROP TABLE chats`);
    await q.query(`DROP TABLE booth_queue_entries`);
    await q.query(`DROP TABLE booth_staff_presence_holds`);
    await q.query(`DROP TABLE booth_staff_presence`);
  }
}
