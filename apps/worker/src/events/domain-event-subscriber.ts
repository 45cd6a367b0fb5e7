import { SetMetadata } from '@nestjs/common';
import type { DomainEvent, DomainEventName } from '@bisang/contracts';

export const SUBSCRIBER_METADATA = 'bisang:domain-event-subscriber';

export interface SubscriberOptions<N extends DomainEventName> {
  /** Stable: the subscription's cursor and failures are kept under it. */
  name: string;
  events: readonly N[];
}

/**
 * One consequence of domain events. `handle` must be idempotent by event id: the relay delivers at least once
 * (a crash after handling and before the cursor moved hands the event over again).
 */
export interface DomainEventHandler<N extends DomainEventName> {
  handle(event: DomainEvent<N>): Promise<void>;
  /**
   * Optional: a whole batch at once (in outbox order), for subscribers that gain from it (one statement, one
   * Redis round trip). When it throws, the relay hands the batch's events to `handle` one by one, so that only
   * the failing event is retried and parked.
   */
  handleBatch?(events: DomainEvent<N>[]): Promise<void>;
}

/** Marks a provider as a subscriber: the relay finds every one and gives it its own cursor. */
export const OnDomainEvents = <N extends DomainEventName>(options: SubscriberOptions<N>) => SetMetadata(SUBSCRIBER_METADATA, options);
