import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { CoachingBookingsRepository } from '@bisang/database';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

/** Why an interview booking was cancelled when its application left the interview stage (the seeker reads it). */
export const LEFT_INTERVIEW_STAGE = 'APPLICATION_LEFT_INTERVIEW_STAGE';

/**
 * An interview booking lives only as long as an application of the seeker at that booth is in the interview
 * stage: when it moves on (offer, rejection, withdrawal), upcoming interview bookings there are cancelled, and the
 * cancellation notifies both sides and frees the slot like any other. Idempotent: a cancelled booking is not
 * confirmed any more.
 */
@Injectable()
@OnDomainEvents({ name: 'interview-stage', events: ['application.moved'] })
export class InterviewStageSubscriber implements DomainEventHandler<'application.moved'> {
  constructor(private readonly bookings: CoachingBookingsRepository) {}

  async handle(event: DomainEvent<'application.moved'>): Promise<void> {
    const { from, to, seekerId, boothId } = event.payload;
    if (from !== 'interview' || to === 'interview') return;
    await this.bookings.cancelInterviewsWithoutStage(seekerId, boothId, clock.now(), LEFT_INTERVIEW_STAGE);
  }
}
