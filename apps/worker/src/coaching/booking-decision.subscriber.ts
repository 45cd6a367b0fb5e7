import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

/** A booking request goes on the decision queue (the deterministic job id keeps one job per booking). */
@Injectable()
@OnDomainEvents({ name: 'booking-decision', events: ['booking.requested'] })
export class BookingDecisionSubscriber implements DomainEventHandler<'booking.requested'> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<'booking.requested'>): Promise<void> {
    const { bookingId } = event.payload;
    // `ensure`, not `enqueue`: a decision job that failed for good is retried rather than kept as it is.
    await this.jobs.ensure('coaching.decide', { bookingId }, jobIds.decideBooking(bookingId));
  }
}
