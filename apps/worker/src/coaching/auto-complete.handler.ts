import { Injectable } from '@nestjs/common';
import { CoachingBookingsRepository } from '@bisang/database';
import { JobMap, KpiSignals } from '@bisang/queues';

/** `coaching.auto-complete`: a session its coach did not mark is completed a day after its end. */
@Injectable()
export class AutoCompleteHandler {
  constructor(
    private readonly bookings: CoachingBookingsRepository,
    private readonly kpis: KpiSignals,
  ) {}

  async handle({ bookingId }: JobMap['coaching.auto-complete']): Promise<void> {
    const completed = await this.bookings.completeUnmarked(bookingId, new Date());
    if (completed) await this.kpis.kpisChanged(completed.fairId);
  }
}
