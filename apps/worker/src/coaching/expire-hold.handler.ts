import { Injectable } from '@nestjs/common';
import { CoachingWaitlistRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';
import { OfferSlotHandler } from './offer-slot.handler';

/** `coaching.expire-hold`: an unanswered offer expires and the slot passes to the next waiter. */
@Injectable()
export class ExpireHoldHandler {
  constructor(
    private readonly waitlist: CoachingWaitlistRepository,
    private readonly offerSlot: OfferSlotHandler,
  ) {}

  async handle({ slotId, entryId }: JobMap['coaching.expire-hold']): Promise<void> {
    await this.waitlist.expireOffer(slotId, entryId);
    // Offering again is a no-op when the slot was taken or is already held for the next waiter.
    await this.offerSlot.handle({ slotId });
  }
}
