import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';
import { decideBooking } from './booking.rules';

/**
 * `coaching.decide`: confirms or rejects a pending booking. The decision and its domain events
 * (`booking.confirmed` / `booking.rejected`, and `booking.cancelled` for a booking a rescheduling replaced)
 * commit together; what follows from them (notifications, reminders, the freed slot) subscribes to those events.
 * A second delivery finds the booking decided and does nothing.
 */
@Injectable()
export class DecideBookingHandler {
  constructor(private readonly bookings: CoachingBookingsRepository) {}

  async handle({ bookingId }: JobMap['coaching.decide']): Promise<void> {
    await this.bookings.decidePending(bookingId, clock.now(), decideBooking);
  }
}
