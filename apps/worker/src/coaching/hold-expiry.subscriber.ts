import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

type HoldEvent = 'waitlist.offered' | 'waitlist.hold_released';

/**
 * A waitlist offer ends when its hold does, unless the waiter books or leaves first. Scheduling the expiry and
 * unscheduling it when the waiter leaves are one subscriber's work, so they happen in outbox order: with two
 * subscribers (each with its own cursor) the unscheduling could run before the scheduling and find nothing.
 */
@Injectable()
@OnDomainEvents({ name: 'hold-expiry', events: ['waitlist.offered', 'waitlist.hold_released'] })
export class HoldExpirySubscriber implements DomainEventHandler<HoldEvent> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<HoldEvent>): Promise<void> {
    if (event.type === 'waitlist.hold_released') {
      await this.jobs.cancel('coaching.expire-hold', jobIds.expireHold(event.payload.entryId));
      return;
    }
    const { slotId, entryId, expiresAt } = (event as DomainEvent<'waitlist.offered'>).payload;
    await this.jobs.enqueue('coaching.expire-hold', { slotId, entryId }, {
      jobId: jobIds.expireHold(entryId),
      delayMs: new Date(expiresAt).getTime() - clock.nowMs(),
    });
  }
}
