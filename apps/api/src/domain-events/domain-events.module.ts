import { Module } from '@nestjs/common';
import { DomainEventsRepository } from '@bisang/database';
import { DomainEventsController } from './domain-events.controller';
import { DomainEventsService } from './domain-events.service';

/** Operators' view of the outbox: parked events and their replay. */
@Module({
  controllers: [DomainEventsController],
  providers: [DomainEventsRepository, DomainEventsService],
})
export class DomainEventsModule {}
