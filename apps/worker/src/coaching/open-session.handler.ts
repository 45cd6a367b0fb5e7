import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/** `coaching.open-session`: at the start the session opens, once, if still confirmed (`booking.session_opened`). */
@Injectable()
export class OpenSessionHandler {
  constructor(private readonly bookings: CoachingBookingsRepository) {}

  async handle({ bookingId }: JobMap['coaching.open-session']): Promise<void> {
    await this.bookings.markSessionOpened(bookingId, clock.now());
  }
}
