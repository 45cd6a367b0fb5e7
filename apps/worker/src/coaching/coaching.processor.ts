import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '@bisang/config';
import { JobMap, QUEUES } from '@bisang/queues';
import { AutoCompleteHandler } from './auto-complete.handler';
import { DecideBookingHandler } from './decide-booking.handler';
import { ExpireHoldHandler } from './expire-hold.handler';
import { OfferSlotHandler } from './offer-slot.handler';
import { OpenSessionHandler } from './open-session.handler';
import { SendReminderHandler } from './send-reminder.handler';
import { SweepPendingHandler } from './sweep-pending.handler';

type CoachingJob = Extract<keyof JobMap, `coaching.${string}`>;

/**
 * The `coaching` queue: hands each job to its handler. Every coaching job is a short transaction, so the
 * job lock is short too: a worker that dies mid-job (SIGKILL, OOM) has its jobs taken over by another
 * worker within about 15 s (lock expiry + one stalled-job check) instead of about a minute.
 */
@Processor(QUEUES.coaching, { lockDuration: 10_000, stalledInterval: 5_000 })
export class CoachingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly handlers: { [J in CoachingJob]: (payload: JobMap[J]) => Promise<void> };

  constructor(
    private readonly config: AppConfig,
    decide: DecideBookingHandler,
    remind: SendReminderHandler,
    openSession: OpenSessionHandler,
    autoComplete: AutoCompleteHandler,
    offerSlot: OfferSlotHandler,
    expireHold: ExpireHoldHandler,
    sweepPending: SweepPendingHandler,
  ) {
    super();
    this.handlers = {
      'coaching.decide': (p) => decide.handle(p),
      'coaching.remind': (p) => remind.handle(p),
      'coaching.open-session': (p) => openSession.handle(p),
      'coaching.auto-complete': (p) => autoComplete.handle(p),
      'coaching.offer-slot': (p) => offerSlot.handle(p),
      'coaching.expire-hold': (p) => expireHold.handle(p),
      'coaching.sweep-pending': () => sweepPending.handle(),
    };
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as CoachingJob] as ((payload: unknown) => Promise<void>) | undefined;
    if (!handler) throw new Error(`no handler for coaching job ${job.name}`);
    await handler(job.data);
  }
}
