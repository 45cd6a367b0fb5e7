import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NewDomainEvent, domainEvent } from '@bisang/contracts';
import type { BookingStatus, RoomKind, SlotKind } from '@bisang/contracts';
import { BOOKING_COLUMNS, bookingFacts } from './coaching-bookings.repository';
import type { CoachingBookingEntity } from '../entities/coaching-booking.entity';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

/** A booking's room opens this long before its start … */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000;
/** … and closes this long after its end. */
export const ROOM_CLOSES_AFTER_MS = 15 * 60_000;
/** A seeker still absent this long after the start may be marked a no-show. */
export const NO_SHOW_AFTER_START_MS = 10 * 60_000;

/** Booking statuses whose room can be entered: confirmed, or marked completed while the room is still open. */
const ENTERABLE_BOOKING = `('confirmed', 'completed')`;

export interface SessionRoom {
  id: string;
  kind: RoomKind;
  refId: string;
  bookingId: string | null;
  fairId: string | null;
  /** The coach, interviewer or recruiter. */
  hostId: string;
  /** The seeker. */
  guestId: string;
  opensAt: Date;
  closesAt: Date;
  /** A booking's room: the booking as it is now. */
  booking: { status: BookingStatus; kind: SlotKind; startsAt: Date; endsAt: Date } | null;
}

const ROOM_SELECT = `SELECT r.id, r.kind, r.ref_id AS "refId", r.booking_id AS "bookingId", r.fair_id AS "fairId",
    r.host_id AS "hostId", r.guest_id AS "guestId", r.opens_at AS "opensAt", r.closes_at AS "closesAt",
    b.status AS "bookingStatus", b.kind AS "slotKind", b.starts_at AS "startsAt", b.ends_at AS "endsAt"
  FROM session_rooms r LEFT JOIN coaching_bookings b ON b.id = r.booking_id`;

type RoomRow = Omit<SessionRoom, 'booking'> & { bookingStatus: BookingStatus | null; slotKind: SlotKind | null; startsAt: Date | null; endsAt: Date | null };

const toRoom = ({ bookingStatus, slotKind, startsAt, endsAt, ...r }: RoomRow): SessionRoom => ({
  ...r,
  booking: bookingStatus && slotKind && startsAt && endsAt ? { status: bookingStatus, kind: slotKind, startsAt, endsAt } : null,
});

export type JoinRecord = { outcome: 'joined'; firstOfUser: boolean } | { outcome: 'already_in' };
export type LeaveRecord = { outcome: 'left'; userId: string; lastOfUser: boolean } | { outcome: 'not_in' };

export type AttendedCompletion = { outcome: 'completed'; booking: CoachingBookingEntity } | { outcome: 'not_markable' | 'not_attended' | 'not_ended' };

/** Who was in a room when: one interval per socket, `leftAt` null while still there. */
interface Interval {
  userId: string;
  joinedAt: Date;
  leftAt: Date | null;
}

/**
 * Session rooms (1:1 video rooms of bookings and booth chats) and their attendance. Every entry and exit of a
 * participant is a domain event (`room.joined` / `room.left`) written with its attendance row.
 */
@Injectable()
export class SessionRoomsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The room of a booking its seeker or coach may enter (confirmed, or completed while still open); made on first
   * use, the same ever after. null for an unknown booking or one in another state.
   */
  async ensureForBooking(bookingId: string): Promise<SessionRoom | null> {
    const [booking] = rowsOf<{ id: string; status: string }>(
      await this.dataSource.query(`SELECT id, status FROM coaching_bookings WHERE id = $1 AND status IN ${ENTERABLE_BOOKING}`, [bookingId]),
    );
    if (!booking) return null;
    await this.dataSource.query(
      `INSERT INTO session_rooms (kind, ref_id, booking_id, fair_id, host_id, guest_id, opens_at, closes_at)
       SELECT 'booking', b.id, b.id, b.fair_id, b.coach_id, b.seeker_id, b.starts_at - make_interval(secs => $2::int / 1000.0),
              b.ends_at + make_interval(secs => $3::int / 1000.0)
         FROM coaching_bookings b WHERE b.id = $1
       ON CONFLICT DO NOTHING`,
      [bookingId, ROOM_OPENS_BEFORE_MS, ROOM_CLOSES_AFTER_MS],
    );
    return this.findByRef('booking', bookingId);
  }

  /** The room of a booth chat turned into a call, open from `opensAt` to `closesAt`; made once per chat. */
  async ensureForChat(chat: { chatId: string; fairId: string | null; hostId: string; guestId: string; opensAt: Date; closesAt: Date }): Promise<SessionRoom> {
    await this.dataSource.query(
      `INSERT INTO session_rooms (kind, ref_id, fair_id, host_id, guest_id, opens_at, closes_at)
       VALUES ('chat', $1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [chat.chatId, chat.fairId, chat.hostId, chat.guestId, chat.opensAt, chat.closesAt],
    );
    return (await this.findByRef('chat', chat.chatId))!;
  }

  async findById(roomId: string): Promise<SessionRoom | null> {
    const [row] = rowsOf<RoomRow>(await this.dataSource.query(`${ROOM_SELECT} WHERE r.id = $1`, [roomId]));
    return row ? toRoom(row) : null;
  }

  private async findByRef(kind: RoomKind, refId: string): Promise<SessionRoom | null> {
    const [row] = rowsOf<RoomRow>(await this.dataSource.query(`${ROOM_SELECT} WHERE r.kind = $1 AND r.ref_id = $2`, [kind, refId]));
    return row ? toRoom(row) : null;
  }

  /** Whether a booking's room can be entered in its state (its time window is checked by the caller). */
  static isEnterable(room: SessionRoom): boolean {
    return room.kind === 'chat' || (room.booking !== null && (room.booking.status === 'confirmed' || room.booking.status === 'completed'));
  }

  /**
   * A socket of a participant entered the room. The user's first socket there is their arrival: `room.joined`,
   * in the same transaction as the attendance row. The room row is locked so that arrivals and departures of one
   * room are recorded in order.
   */
  async recordJoin(roomId: string, userId: string, socketId: string, now: Date): Promise<JoinRecord> {
    return this.dataSource.transaction(async (m) => {
      const room = await this.lockRoom(m, roomId);
      if (!room) return { outcome: 'already_in' } as const;
      const open = rowsOf<{ socketId: string }>(
        await m.query(`SELECT socket_id AS "socketId" FROM session_room_attendance WHERE room_id = $1 AND user_id = $2 AND left_at IS NULL`, [
          roomId,
          userId,
        ]),
      );
      if (open.some((o) => o.socketId === socketId)) return { outcome: 'already_in' } as const;
      await m.query(`INSERT INTO session_room_attendance (room_id, user_id, socket_id, joined_at) VALUES ($1, $2, $3, $4)`, [roomId, userId, socketId, now]);
      const firstOfUser = open.length === 0;
      if (firstOfUser) await appendDomainEvents(m, [this.attendanceEvent('room.joined', room, userId, now)]);
      return { outcome: 'joined', firstOfUser } as const;
    });
  }

  /** A socket left the room (or disconnected). The user's last socket there is their departure: `room.left`. */
  async recordLeave(roomId: string, socketId: string, now: Date): Promise<LeaveRecord> {
    return this.dataSource.transaction(async (m) => {
      const room = await this.lockRoom(m, roomId);
      if (!room) return { outcome: 'not_in' } as const;
      const [closed] = rowsOf<{ userId: string }>(
        await m.query(
          `UPDATE session_room_attendance SET left_at = greatest($3::timestamptz, joined_at)
            WHERE room_id = $1 AND socket_id = $2 AND left_at IS NULL RETURNING user_id AS "userId"`,
          [roomId, socketId, now],
        ),
      );
      if (!closed) return { outcome: 'not_in' } as const;
      const [{ n }] = rowsOf<{ n: number }>(
        await m.query(`SELECT count(*)::int AS n FROM session_room_attendance WHERE room_id = $1 AND user_id = $2 AND left_at IS NULL`, [roomId, closed.userId]),
      );
      if (n === 0) await appendDomainEvents(m, [this.attendanceEvent('room.left', room, closed.userId, now)]);
      return { outcome: 'left', userId: closed.userId, lastOfUser: n === 0 } as const;
    });
  }

  /**
   * Closes a user's attendance rows in a room whose sockets no gateway holds any more (a gateway node that died
   * cannot record its sockets' departures); records `room.left` once. True when anything was closed.
   */
  async closeStale(roomId: string, userId: string, joinedBefore: Date, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const room = await this.lockRoom(m, roomId);
      if (!room) return false;
      const closed = rowsOf<{ id: string }>(
        await m.query(
          `UPDATE session_room_attendance SET left_at = greatest($3::timestamptz, joined_at)
            WHERE room_id = $1 AND user_id = $2 AND left_at IS NULL AND joined_at < $4 RETURNING id`,
          [roomId, userId, now, joinedBefore],
        ),
      );
      if (closed.length === 0) return false;
      // Rows of live sockets (younger than `joinedBefore`) keep the user present: no departure then.
      const [{ n }] = rowsOf<{ n: number }>(
        await m.query(`SELECT count(*)::int AS n FROM session_room_attendance WHERE room_id = $1 AND user_id = $2 AND left_at IS NULL`, [roomId, userId]),
      );
      if (n > 0) return true;
      await appendDomainEvents(m, [this.attendanceEvent('room.left', room, userId, now)]);
      return true;
    });
  }

  /** Whether the user has a socket in the room now (by the attendance rows). */
  async isPresent(roomId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM session_room_attendance WHERE room_id = $1 AND user_id = $2 AND left_at IS NULL LIMIT 1`, [
      roomId,
      userId,
    ]);
    return rowsOf(rows).length > 0;
  }

  /** Whether the seeker of a booking is in its room now. */
  async isSeekerPresent(bookingId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM session_rooms r JOIN session_room_attendance a ON a.room_id = r.id AND a.user_id = r.guest_id
        WHERE r.booking_id = $1 AND a.left_at IS NULL LIMIT 1`,
      [bookingId],
    );
    return rowsOf(rows).length > 0;
  }

  /**
   * Completes a confirmed booking whose seeker and coach were both in its room for at least half the slot
   * (`booking.completed` with `attended`), once it has ended. A booking its coach marked stays as marked.
   */
  async completeIfAttended(bookingId: string, now: Date): Promise<AttendedCompletion> {
    return this.dataSource.transaction(async (m) => {
      const [booking] = rowsOf<CoachingBookingEntity>(await m.query(`SELECT ${BOOKING_COLUMNS} FROM coaching_bookings WHERE id = $1 FOR UPDATE`, [bookingId]));
      if (!booking || booking.status !== 'confirmed') return { outcome: 'not_markable' } as const;
      if (booking.endsAt > now) return { outcome: 'not_ended' } as const;
      const intervals = rowsOf<Interval>(
        await m.query(
          `SELECT a.user_id AS "userId", a.joined_at AS "joinedAt", a.left_at AS "leftAt"
             FROM session_rooms r JOIN session_room_attendance a ON a.room_id = r.id
            WHERE r.booking_id = $1 AND a.user_id IN (r.host_id, r.guest_id)`,
          [bookingId],
        ),
      );
      const together = overlapMs(intervals, booking.seekerId, booking.coachId, booking.startsAt, booking.endsAt, now);
      if (together * 2 < booking.endsAt.getTime() - booking.startsAt.getTime()) return { outcome: 'not_attended' } as const;
      const [done] = rowsOf<CoachingBookingEntity>(
        await m.query(`UPDATE coaching_bookings SET status = 'completed', completed_at = $2 WHERE id = $1 AND status = 'confirmed' RETURNING ${BOOKING_COLUMNS}`, [
          bookingId,
          now,
        ]),
      );
      await appendDomainEvents(m, [domainEvent('booking.completed', { ...bookingFacts(done), auto: true, attended: true })]);
      return { outcome: 'completed', booking: done } as const;
    });
  }

  private async lockRoom(m: EntityManager, roomId: string): Promise<SessionRoom | null> {
    const [row] = rowsOf<RoomRow>(await m.query(`${ROOM_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [roomId]));
    return row ? toRoom(row) : null;
  }

  private attendanceEvent(type: 'room.joined' | 'room.left', room: SessionRoom, userId: string, at: Date): NewDomainEvent {
    return domainEvent(type, { roomId: room.id, kind: room.kind, refId: room.refId, bookingId: room.bookingId, fairId: room.fairId, userId, at: at.toISOString() });
  }
}

/** How long two users were in the room together within [from, to] (open intervals count up to `now`). */
export function overlapMs(intervals: readonly Interval[], a: string, b: string, from: Date, to: Date, now: Date): number {
  const lo = from.getTime();
  const hi = Math.min(to.getTime(), now.getTime());
  const merged = (userId: string) => {
    const spans = intervals
      .filter((i) => i.userId === userId)
      .map((i) => [Math.max(lo, new Date(i.joinedAt).getTime()), Math.min(hi, i.leftAt ? new Date(i.leftAt).getTime() : now.getTime())] as const)
      .filter(([s, e]) => e > s)
      .sort((x, y) => x[0] - y[0]);
    const out: [number, number][] = [];
    for (const [s, e] of spans) {
      const last = out[out.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else out.push([s, e]);
    }
    return out;
  };
  const xs = merged(a);
  const ys = merged(b);
  let total = 0;
  for (const [s1, e1] of xs) for (const [s2, e2] of ys) total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return total;
}
