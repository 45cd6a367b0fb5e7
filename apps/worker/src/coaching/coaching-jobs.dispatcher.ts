import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobMap } from '@bisang/queues';
import { AttendanceCheckHandler } from './attendance-check.handler';
import { AutoCompleteHandler } from './auto-complete.handler';
import { DecideBookingHandler } from './decide-booking.handler';
import { ExpireHoldHandler } from './expire-hold.handler';
import { OfferSlotHandler } from './offer-slot.handler';
import { OpenSessionHandler } from './open-session.handler';
import { SendReminderHandler } from './send-reminder.handler';

type CoachingJob = Extract<keyof JobMap, `coaching.${string}`>;

/** Hands each coaching job to its handler, whichever of the coaching queues it came from. */
@Injectable()
export class CoachingJobsDispatcher {
  private readonly handlers: { [J in CoachingJob]: (payload: JobMap[J]) => Promise<void> };

  constructor(
    decide: DecideBookingHandler,
    remind: SendReminderHandler,
    openSession: OpenSessionHandler,
    autoComplete: AutoCompleteHandler,
    offerSlot: OfferSlotHandler,
    expireHold: ExpireHoldHandler,
    attendanceCheck: AttendanceCheckHandler,
  ) {
    this.handlers = {
      'coaching.decide': (p) => decide.handle(p),
      'coaching.remind': (p) => remind.handle(p),
      'coaching.open-session': (p) => openSession.handle(p),
      'coaching.auto-complete': (p) => autoComplete.handle(p),
      'coaching.offer-slot': (p) => offerSlot.handle(p),
      'coaching.expire-hold': (p) => expireHold.handle(p),
      'coaching.attendance-check': (p) => attendanceCheck.handle(p),
    };
  }

  async dispatch(job: Job): Promise<void> {
    const handler = this.handlers[job.name as CoachingJob] as ((payload: unknown) => Promise<void>) | undefined;
    if (!handler) throw new Error(`no handler for coaching job ${job.name}`);
    await handler(job.data);
  }
}
