import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

type FreeingEvent = 'booking.cancelled' | 'waitlist.hold_released';

/**
 * A slot freed by a cancellation, or by a waiter who left while holding it, is offered to the waitlist. (The left
 * hold's expiry job is unscheduled by the hold-expiry subscriber, in order with its scheduling.)
 */
@Injectable()
@OnDomainEvents({ name: 'freed-slot', events: ['booking.cancelled', 'waitlist.hold_released'] })
export class FreedSlotSubscriber implements DomainEventHandler<FreeingEvent> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<FreeingEvent>): Promise<void> {
    const { slotId } = event.payload;
    if (event.type === 'waitlist.hold_released') {
      await this.jobs.enqueue('coaching.offer-slot', { slotId }, { jobId: jobIds.offerSlotAfterLeave(event.payload.entryId) });
      return;
    }
    await this.jobs.enqueue('coaching.offer-slot', { slotId }, { jobId: jobIds.offerSlot(event.payload.bookingId) });
  }
}
