import { Injectable } from '@nestjs/common';
import { clock } from '@bisang/common';
import { SessionRoomsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/**
 * `coaching.attendance-check`, at a session's end: when its seeker and coach were both in its room for at least
 * half the slot, the session is completed (`booking.completed` with `attended`), unless the coach already marked it.
 * Otherwise it waits for the coach, or for auto-completion a day later. Re-running it changes nothing.
 */
@Injectable()
export class AttendanceCheckHandler {
  constructor(private readonly rooms: SessionRoomsRepository) {}

  async handle({ bookingId }: JobMap['coaching.attendance-check']): Promise<void> {
    await this.rooms.completeIfAttended(bookingId, clock.now());
  }
}
