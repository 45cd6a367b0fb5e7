import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { COACHING_AUTO_COMPLETE_AFTER_MS, COACHING_REMINDER_OFFSETS_MINUTES, JobProducer, bookingTimeJobs, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

type SessionEvent = 'booking.confirmed' | 'booking.cancelled' | 'booking.completed' | 'booking.no_show';

/**
 * What a confirmed booking's time needs: reminders before the start (a booking made inside a reminder's window
 * gets the nearest missed one at once, never none), the session opening at the start, and auto-completion a day
 * after the end. A booking that is cancelled or settled loses them. Deterministic job ids make it idempotent.
 */
@Injectable()
@OnDomainEvents({ name: 'session-jobs', events: ['booking.confirmed', 'booking.cancelled', 'booking.completed', 'booking.no_show'] })
export class SessionJobsSubscriber implements DomainEventHandler<SessionEvent> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<SessionEvent>): Promise<void> {
    const { bookingId } = event.payload;
    if (event.type !== 'booking.confirmed') {
      await Promise.all(bookingTimeJobs(bookingId).map((j) => this.jobs.cancel(j.name, j.jobId)));
      return;
    }
    const now = clock.nowMs();
    const start = new Date(event.payload.startsAt).getTime();
    const end = new Date(event.payload.endsAt).getTime();
    const missed = COACHING_REMINDER_OFFSETS_MINUTES.filter((m) => start - m * 60_000 <= now);
    const nearestMissed = missed.length ? Math.min(...missed) : undefined;
    for (const minutesBefore of COACHING_REMINDER_OFFSETS_MINUTES) {
      const fireAt = start - minutesBefore * 60_000;
      // A missed reminder is sent at once; the job handler sends each reminder once, whatever redeliveries.
      if (fireAt > now || minutesBefore === nearestMissed) {
        await this.jobs.enqueue('coaching.remind', { bookingId, minutesBefore }, { jobId: jobIds.remind(bookingId, minutesBefore), delayMs: fireAt - now });
      }
    }
    await this.jobs.enqueue('coaching.open-session', { bookingId }, { jobId: jobIds.openSession(bookingId), delayMs: start - now });
    // At the end, the room's attendance may complete the session at once (both there for half the slot).
    await this.jobs.enqueue('coaching.attendance-check', { bookingId }, { jobId: jobIds.attendanceCheck(bookingId), delayMs: end - now });
    await this.jobs.enqueue('coaching.auto-complete', { bookingId }, {
      jobId: jobIds.autoComplete(bookingId),
      delayMs: end + COACHING_AUTO_COMPLETE_AFTER_MS - now,
    });
  }
}
