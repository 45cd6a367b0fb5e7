import { AccountsModule } from '@bisang/auth';
import { Module } from '@nestjs/common';
import {
  CoachingBookingsRepository,
  CoachingSlotsRepository,
  CoachingWaitlistRepository,
  FairCoachesRepository,
  FairsRepository,
  InterviewEligibilityRepository,
  SessionRoomsRepository,
} from '@bisang/database';
import { BoothsModule } from '../booths/booths.module';
import { BookingDecisionWaiter } from './booking-decision.waiter';
import { CoachingBookingsController } from './coaching-bookings.controller';
import { CoachingBookingsService } from './coaching-bookings.service';
import { CoachingSlotsController } from './coaching-slots.controller';
import { CoachingSlotsService } from './coaching-slots.service';
import { FairCoachesController } from './fair-coaches.controller';
import { FairCoachesService } from './fair-coaches.service';
import { InterviewSlotsController } from './interview-slots.controller';
import { SlotKindPolicies } from './slot-kind.policy';

/** 1:1 coaching (and interview) slots: availability, booking requests decided by the worker, waitlist. */
@Module({
  imports: [AccountsModule, BoothsModule],
  controllers: [CoachingSlotsController, InterviewSlotsController, CoachingBookingsController, FairCoachesController],
  providers: [
    CoachingSlotsRepository,
    CoachingBookingsRepository,
    CoachingWaitlistRepository,
    FairsRepository,
    FairCoachesRepository,
    InterviewEligibilityRepository,
    SessionRoomsRepository,
    SlotKindPolicies,
    BookingDecisionWaiter,
    CoachingSlotsService,
    CoachingBookingsService,
    FairCoachesService,
  ],
  exports: [CoachingSlotsService],
})
export class CoachingModule {}
