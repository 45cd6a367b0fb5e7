import { Module } from '@nestjs/common';
import { CoachingBookingsRepository, CoachingWaitlistRepository } from '@bisang/database';
import { AutoCompleteHandler } from './auto-complete.handler';
import { CoachingJobsDispatcher } from './coaching-jobs.dispatcher';
import { CoachingProcessor } from './coaching.processor';
import { CoachingScheduleProcessor } from './coaching-schedule.processor';
import { DecideBookingHandler } from './decide-booking.handler';
import { ExpireHoldHandler } from './expire-hold.handler';
import { OfferSlotHandler } from './offer-slot.handler';
import { OpenSessionHandler } from './open-session.handler';
import { SendReminderHandler } from './send-reminder.handler';
import { SweepPendingHandler } from './sweep-pending.handler';
import { PendingSweepScheduler } from './pending-sweep.scheduler';

/** The coaching engine's worker side: booking decisions and everything scheduled around a session. */
@Module({
  providers: [
    CoachingBookingsRepository,
    CoachingWaitlistRepository,
    DecideBookingHandler,
    SendReminderHandler,
    OpenSessionHandler,
    AutoCompleteHandler,
    OfferSlotHandler,
    ExpireHoldHandler,
    SweepPendingHandler,
    CoachingJobsDispatcher,
    CoachingProcessor,
    CoachingScheduleProcessor,
    PendingSweepScheduler,
  ],
})
export class CoachingWorkerModule {}
