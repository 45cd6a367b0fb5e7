import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/** `coaching.remind`: records the reminder once (`booking.reminded`), only while the booking is confirmed and upcoming. */
@Injectable()
export class SendReminderHandler {
  constructor(private readonly bookings: CoachingBookingsRepository) {}

  async handle({ bookingId, minutesBefore }: JobMap['coaching.remind']): Promise<void> {
    await this.bookings.markReminderSent(bookingId, minutesBefore, clock.now());
  }
}
