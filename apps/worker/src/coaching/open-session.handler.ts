import { Injectable } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';
import { RealtimePublisher } from '@bisang/realtime';

/** `coaching.open-session`: at the start, both sides get the session room, once, if still confirmed. */
@Injectable()
export class OpenSessionHandler {
  constructor(
    private readonly bookings: CoachingBookingsRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  async handle({ bookingId }: JobMap['coaching.open-session']): Promise<void> {
    const booking = await this.bookings.markSessionOpened(bookingId, new Date());
    if (!booking) return;
    const data = {
      bookingId,
      room: `coaching-session-${bookingId}`,
      link: `/coaching/sessions/${bookingId}`,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
    };
    await this.realtime.notifyUser(booking.seekerId, 'booking.session_open', data);
    await this.realtime.notifyUser(booking.coachId, 'booking.session_open', data);
  }
}
