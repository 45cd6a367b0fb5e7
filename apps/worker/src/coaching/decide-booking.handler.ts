import { Injectable } from '@nestjs/common';
import { CoachingBookingEntity, CoachingBookingsRepository } from '@bisang/database';
import { COACHING_AUTO_COMPLETE_AFTER_MS, COACHING_REMINDER_OFFSETS_MINUTES, JobMap, JobProducer, KpiSignals, bookingTimeJobs, jobIds } from '@bisang/queues';
import { RealtimePublisher } from '@bisang/realtime';
import { decideBooking } from './booking.rules';

/** `coaching.decide`: confirms or rejects a pending booking, then schedules what its time needs. */
@Injectable()
export class DecideBookingHandler {
  constructor(
    private readonly bookings: CoachingBookingsRepository,
    private readonly jobs: JobProducer,
    private readonly realtime: RealtimePublisher,
    private readonly kpis: KpiSignals,
  ) {}

  async handle({ bookingId }: JobMap['coaching.decide']): Promise<void> {
    const now = new Date();
    const result = await this.bookings.decidePending(bookingId, now, decideBooking);
    if (result.outcome === 'missing') return;
    const booking = result.booking;
    // Also on a second delivery: a crash between the commit and the scheduling must not leave a booking without reminders.
    if (booking.status === 'confirmed') {
      await this.scheduleSessionJobs(booking, now);
      await this.kpis.kpisChanged(booking.fairId);
    }
    // A confirmed rescheduling cancelled the old booking in the same transaction: what its time had scheduled goes,
    // and its slot is free for the waitlist. Again on a second delivery, for the same reason as above.
    const replaced = result.replaced;
    if (replaced) {
      await Promise.all(bookingTimeJobs(replaced.id).map((j) => this.jobs.cancel(j.name, j.jobId)));
      await this.jobs.enqueue('coaching.offer-slot', { slotId: replaced.slotId }, { jobId: jobIds.offerSlot(replaced.id) });
    }
    if (result.outcome !== 'decided') return;
    if (replaced) {
      const data = { bookingId: replaced.id, slotId: replaced.slotId, status: replaced.status, cancelledBy: 'seeker', rescheduledTo: booking.id };
      await this.realtime.notifyUser(replaced.seekerId, 'booking.cancelled', data);
      await this.realtime.notifyUser(replaced.coachId, 'booking.cancelled', data);
    }
    if (booking.status === 'confirmed') {
      const data = {
        bookingId: booking.id,
        slotId: booking.slotId,
        status: booking.status,
        startsAt: booking.startsAt.toISOString(),
        endsAt: booking.endsAt.toISOString(),
        ...(replaced ? { rescheduledFrom: replaced.id } : {}),
      };
      await this.realtime.notifyUser(booking.seekerId, 'booking.confirmed', { ...data, coachId: booking.coachId });
      await this.realtime.notifyUser(booking.coachId, 'booking.confirmed', { ...data, seekerId: booking.seekerId });
    } else if (booking.status === 'rejected') {
      await this.realtime.notifyUser(booking.seekerId, 'booking.rejected', {
        bookingId: booking.id,
        slotId: booking.slotId,
        status: booking.status,
        reason: booking.reason,
        message: booking.reasonMessage,
      });
    }
  }

  /**
   * Reminders before the start (a booking made inside a reminder's window gets the nearest missed one at
   * once, never none), the session opening at the start, and auto-completion a day after the end.
   */
  private async scheduleSessionJobs(booking: CoachingBookingEntity, now: Date): Promise<void> {
    const start = booking.startsAt.getTime();
    const missed = COACHING_REMINDER_OFFSETS_MINUTES.filter((m) => start - m * 60_000 <= now.getTime());
    const nearestMissed = missed.length ? Math.min(...missed) : undefined;
    for (const minutesBefore of COACHING_REMINDER_OFFSETS_MINUTES) {
      const fireAt = start - minutesBefore * 60_000;
      if (fireAt > now.getTime()) {
        await this.jobs.enqueue('coaching.remind', { bookingId: booking.id, minutesBefore }, {
          jobId: jobIds.remind(booking.id, minutesBefore),
          delayMs: fireAt - now.getTime(),
        });
      } else if (minutesBefore === nearestMissed && !booking.remindersSent.includes(minutesBefore)) {
        await this.jobs.enqueue('coaching.remind', { bookingId: booking.id, minutesBefore }, { jobId: jobIds.remind(booking.id, minutesBefore) });
      }
    }
    await this.jobs.enqueue('coaching.open-session', { bookingId: booking.id }, {
      jobId: jobIds.openSession(booking.id),
      delayMs: start - now.getTime(),
    });
    await this.jobs.enqueue('coaching.auto-complete', { bookingId: booking.id }, {
      jobId: jobIds.autoComplete(booking.id),
      delayMs: booking.endsAt.getTime() + COACHING_AUTO_COMPLETE_AFTER_MS - now.getTime(),
    });
  }
}
