import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

/**
 * A booking request goes on the decision queue. The deterministic job id keeps one job per booking, so a
 * redelivered event adds nothing; the decision itself does nothing for a booking already decided.
 */
@Injectable()
@OnDomainEvents({ name: 'booking-decision', events: ['booking.requested'] })
export class BookingDecisionSubscriber implements DomainEventHandler<'booking.requested'> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<'booking.requested'>): Promise<void> {
    await this.handleBatch([event]);
  }

  /** A burst of requests in one Redis round trip. */
  async handleBatch(events: DomainEvent<'booking.requested'>[]): Promise<void> {
    await this.jobs.enqueueMany(
      'coaching.decide',
      events.map((e) => ({ payload: { bookingId: e.payload.bookingId }, options: { jobId: jobIds.decideBooking(e.payload.bookingId) } })),
    );
  }
}
