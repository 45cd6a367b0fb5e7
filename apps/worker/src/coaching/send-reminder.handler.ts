import { Injectable } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';
import { RealtimePublisher } from '@bisang/realtime';

/** `coaching.remind`: reminds both sides once, only while the booking is confirmed and upcoming. */
@Injectable()
export class SendReminderHandler {
  constructor(
    private readonly bookings: CoachingBookingsRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  async handle({ bookingId, minutesBefore }: JobMap['coaching.remind']): Promise<void> {
    const now = new Date();
    const booking = await this.bookings.markReminderSent(bookingId, minutesBefore, now);
    if (!booking) return; // cancelled, started, or already reminded
    const data = {
      bookingId,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      minutesBefore,
      minutesLeft: Math.max(0, Math.round((booking.startsAt.getTime() - now.getTime()) / 60_000)),
    };
    await this.realtime.notifyUser(booking.seekerId, 'booking.reminder', data);
    await this.realtime.notifyUser(booking.coachId, 'booking.reminder', data);
  }
}
