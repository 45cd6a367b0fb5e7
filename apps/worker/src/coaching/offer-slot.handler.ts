import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import { CoachingWaitlistRepository } from '@bisang/database';
import { JobMap, JobProducer, jobIds } from '@bisang/queues';
import { RealtimePublisher } from '@bisang/realtime';

/** `coaching.offer-slot`: a freed slot is held for the first waiter of its coach's day, who is told at once. */
@Injectable()
export class OfferSlotHandler {
  constructor(
    private readonly waitlist: CoachingWaitlistRepository,
    private readonly jobs: JobProducer,
    private readonly realtime: RealtimePublisher,
    private readonly config: AppConfig,
  ) {}

  async handle({ slotId }: JobMap['coaching.offer-slot']): Promise<void> {
    const offer = await this.waitlist.holdSlotForNextWaiter(slotId, new Date(), this.config.coachingHoldMs);
    if (!offer) return;
    await this.jobs.enqueue('coaching.expire-hold', { slotId, entryId: offer.entryId }, {
      jobId: jobIds.expireHold(offer.entryId),
      delayMs: this.config.coachingHoldMs,
    });
    await this.realtime.notifyUser(offer.seekerId, 'booking.waitlist_offer', {
      slotId,
      waitlistEntryId: offer.entryId,
      startsAt: offer.startsAt.toISOString(),
      endsAt: offer.endsAt.toISOString(),
      expiresAt: offer.expiresAt.toISOString(),
    });
  }
}
