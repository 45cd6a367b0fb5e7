import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DomainEventsRepository } from '@bisang/database';
import { EventRelay } from './event-relay.service';

/** The outbox relay: every provider marked @OnDomainEvents in the process is a subscriber. */
@Module({
  imports: [DiscoveryModule],
  providers: [DomainEventsRepository, EventRelay],
  exports: [EventRelay],
})
export class EventsModule {}
