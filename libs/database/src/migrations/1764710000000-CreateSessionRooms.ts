import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session rooms: one per confirmed coaching or interview booking (unique booking_id), or per booth chat turned
 * into a call (kind 'chat', ref_id the chat; no foreign key, chats live in their own module). Attendance is one
 * row per socket that entered, closed when it leaves or disconnects.
 */
export class CreateSessionRooms1764710000000 implements MigrationInterface {
  name = 'CreateSessionRooms1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('booking', 'chat')),
        ref_id uuid NOT NULL,
        booking_id uuid UNIQUE REFERENCES coaching_bookings(id) ON DELETE CASCADE,
        fair_id uuid REFERENCES fairs(id) ON DELETE CASCADE,
        host_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        guest_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, ref_id),
        CHECK ((kind = 'booking') = (booking_id IS NOT NULL) AND (booking_id IS NULL OR booking_id = ref_id)),
        CHECK (host_id <> guest_id),
        CHECK (opens_at < closes_at)
      )`);
    await q.query(`
      CREATE TABLE session_room_attendance (
        id bigserial PRIMARY KEY,
        room_id uuid NOT NULL REFERENCES session_rooms(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        socket_id text NOT NULL,
        joined_at timestamptz NOT NULL,
        left_at timestamptz,
        CHECK (left_at IS NULL OR left_at >= joined_at)
      )`);
    // A socket is in a room at most once at a time: a repeated room:join changes nothing.
    await q.query(`CREATE UNIQUE INDEX session_room_attendance_open_uq ON session_room_attendance (room_id, socket_id) WHERE left_at IS NULL`);
    await q.query(`CREATE INDEX session_room_attendance_room_user_idx ON session_room_attendance (room_id, user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_room_attendance`);
    await q.query(`DROP TABLE session_rooms`);
  }
}
