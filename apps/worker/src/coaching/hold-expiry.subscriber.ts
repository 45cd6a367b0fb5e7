import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

/** A waitlist offer ends when its hold does, unless the waiter books or leaves first. */
@Injectable()
@OnDomainEvents({ name: 'hold-expiry', events: ['waitlist.offered'] })
export class HoldExpirySubscriber implements DomainEventHandler<'waitlist.offered'> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<'waitlist.offered'>): Promise<void> {
    const { slotId, entryId, expiresAt } = event.payload;
    await this.jobs.enqueue('coaching.expire-hold', { slotId, entryId }, {
      jobId: jobIds.expireHold(entryId),
      delayMs: new Date(expiresAt).getTime() - clock.nowMs(),
    });
  }
}
