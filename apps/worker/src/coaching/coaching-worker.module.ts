import { Module } from '@nestjs/common';
import { CoachingBookingsRepository, CoachingWaitlistRepository, SessionRoomsRepository } from '@bisang/database';
import { AttendanceCheckHandler } from './attendance-check.handler';
import { AutoCompleteHandler } from './auto-complete.handler';
import { CoachingJobsDispatcher } from './coaching-jobs.dispatcher';
import { CoachingProcessor } from './coaching.processor';
import { CoachingScheduleProcessor } from './coaching-schedule.processor';
import { DecideBookingHandler } from './decide-booking.handler';
import { ExpireHoldHandler } from './expire-hold.handler';
import { OfferSlotHandler } from './offer-slot.handler';
import { OpenSessionHandler } from './open-session.handler';
import { SendReminderHandler } from './send-reminder.handler';
import { BookingDecisionSubscriber } from './booking-decision.subscriber';
import { FreedSlotSubscriber } from './freed-slot.subscriber';
import { HoldExpirySubscriber } from './hold-expiry.subscriber';
import { InterviewStageSubscriber } from './interview-stage.subscriber';
import { SessionJobsSubscriber } from './session-jobs.subscriber';

/** The coaching engine's worker side: booking decisions, everything scheduled around a session,
 * and the subscribers that follow from booking and waitlist events. */
@Module({
  providers: [
    CoachingBookingsRepository,
    CoachingWaitlistRepository,
    SessionRoomsRepository,
    DecideBookingHandler,
    AttendanceCheckHandler,
    SendReminderHandler,
    OpenSessionHandler,
    AutoCompleteHandler,
    OfferSlotHandler,
    ExpireHoldHandler,
    CoachingJobsDispatcher,
    CoachingProcessor,
    CoachingScheduleProcessor,
    BookingDecisionSubscriber,
    SessionJobsSubscriber,
    FreedSlotSubscriber,
    HoldExpirySubscriber,
    InterviewStageSubscriber,
  ],
})
export class CoachingWorkerModule {}
