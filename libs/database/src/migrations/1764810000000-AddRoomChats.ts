import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chat beside a session room's video (issue 14 item 3): a conversation of kind 'room' on the same `chats` /
 * `chat_messages` mechanism as booth chat (seq per chat, replay exactly once), with no booth and a link to its room
 * (`room_id`, one chat per room). Its seeker is the room's guest and its recruiter the room's host (the coach or
 * interviewer), so the existing participant rule lets exactly the room's two participants in. A booth chat turned
 * into a call needs no row of its own: its room's chat is the booth chat itself.
 */
export class AddRoomChats1764810000000 implements MigrationInterface {
  name = 'AddRoomChats1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chats DROP CONSTRAINT chats_kind_check`);
    await q.query(`ALTER TABLE chats ADD CONSTRAINT chats_kind_check CHECK (kind IN ('live', 'message', 'room'))`);
    await q.query(`ALTER TABLE chats ADD COLUMN room_id uuid UNIQUE REFERENCES session_rooms(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE chats ADD CONSTRAINT chats_room_has_room CHECK ((kind = 'room') = (room_id IS NOT NULL) AND (kind <> 'room' OR recruiter_id IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM chats WHERE kind = 'room'`);
    await q.query(`ALTER TABLE chats DROP CONSTRAINT chats_room_has_room`);
    await q.query(`ALTER TABLE chats DROP COLUMN room_id`);
    await q.query(`ALTER TABLE chats DROP CONSTRAINT chats_kind_check`);
    await q.query(`ALTER TABLE chats ADD CONSTRAINT chats_kind_check CHECK (kind IN ('live', 'message'))`);
  }
}
