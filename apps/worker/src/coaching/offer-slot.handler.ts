import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import { CoachingWaitlistRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/** `coaching.offer-slot`: a freed slot is held for the first waiter of its coach's day (`waitlist.offered`). */
@Injectable()
export class OfferSlotHandler {
  constructor(
    private readonly waitlist: CoachingWaitlistRepository,
    private readonly config: AppConfig,
  ) {}

  async handle({ slotId }: JobMap['coaching.offer-slot']): Promise<void> {
    await this.waitlist.holdSlotForNextWaiter(slotId, clock.now(), this.config.coachingHoldMs);
  }
}
