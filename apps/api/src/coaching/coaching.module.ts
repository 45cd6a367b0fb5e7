import { Module } from '@nestjs/common';
import { CoachingBookingsRepository, CoachingSlotsRepository, CoachingWaitlistRepository, FairsRepository } from '@bisang/database';
import { BookingDecisionWaiter } from './booking-decision.waiter';
import { CoachingBookingsController } from './coaching-bookings.controller';
import { CoachingBookingsService } from './coaching-bookings.service';
import { CoachingSlotsController } from './coaching-slots.controller';
import { CoachingSlotsService } from './coaching-slots.service';
import { SlotKindPolicies } from './slot-kind.policy';

/** 1:1 coaching (and interview) slots: availability, booking requests decided by the worker, waitlist. */
@Module({
  controllers: [CoachingSlotsController, CoachingBookingsController],
  providers: [
    CoachingSlotsRepository,
    CoachingBookingsRepository,
    CoachingWaitlistRepository,
    FairsRepository,
    SlotKindPolicies,
    BookingDecisionWaiter,
    CoachingSlotsService,
    CoachingBookingsService,
  ],
  exports: [CoachingSlotsService],
})
export class CoachingModule {}
