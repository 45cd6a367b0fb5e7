import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { RealtimePublisher } from '@bisang/realtime';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

/**
 * Tells the gateways that a fair's public feed moved. Only a wake-up: the gateways read the feed from
 * PostgreSQL in id order (and poll), so a redelivered signal changes nothing and a lost one only delays.
 */
@Injectable()
@OnDomainEvents({ name: 'feed-signal', events: ['feed.appended'] })
export class FeedSignalSubscriber implements DomainEventHandler<'feed.appended'> {
  constructor(private readonly realtime: RealtimePublisher) {}

  async handle(event: DomainEvent<'feed.appended'>): Promise<void> {
    await this.handleBatch([event]);
  }

  /** One signal per fair for a whole batch: "fair F has events up to N". */
  async handleBatch(events: DomainEvent<'feed.appended'>[]): Promise<void> {
    const newest = new Map<string, number>();
    for (const e of events) newest.set(e.payload.fairId, Math.max(newest.get(e.payload.fairId) ?? 0, e.payload.feedEventId));
    await Promise.all([...newest].map(([fairId, id]) => this.realtime.feedAdvanced(fairId, id)));
  }
}
