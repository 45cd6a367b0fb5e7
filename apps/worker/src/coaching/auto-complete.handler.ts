import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/** `coaching.auto-complete`: a session its coach did not mark is completed a day after its end (`booking.completed`). */
@Injectable()
export class AutoCompleteHandler {
  constructor(private readonly bookings: CoachingBookingsRepository) {}

  async handle({ bookingId }: JobMap['coaching.auto-complete']): Promise<void> {
    await this.bookings.completeUnmarked(bookingId, clock.now());
  }
}
