import { Injectable, Logger } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { COACHING_PENDING_SWEEP_AFTER_MS, JobProducer, jobIds } from '@bisang/queues';

/** How many stale bookings one sweep handles; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

/**
 * `coaching.sweep-pending` (repeated by a job scheduler): a booking recorded by a request that died before
 * enqueuing its decision, or whose decision failed for good, is put back on the queue under the same
 * deterministic job id, so a decision that is merely late is never doubled.
 */
@Injectable()
export class SweepPendingHandler {
  private readonly logger = new Logger(SweepPendingHandler.name);

  constructor(
    private readonly bookings: CoachingBookingsRepository,
    private readonly jobs: JobProducer,
  ) {}

  async handle(): Promise<void> {
    const ids = await this.bookings.findStalePendingIds(new Date(Date.now() - COACHING_PENDING_SWEEP_AFTER_MS), SWEEP_BATCH);
    let requeued = 0;
    for (const bookingId of ids) {
      const outcome = await this.jobs.ensure('coaching.decide', { bookingId }, jobIds.decideBooking(bookingId));
      if (outcome !== 'present') requeued++;
    }
    if (requeued) this.logger.warn(`${requeued} pending booking(s) put back on the queue`);
  }
}
