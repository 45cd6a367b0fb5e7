import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '@bisang/config';
import { QUEUES } from '@bisang/queues';
import { CoachingJobsDispatcher } from './coaching-jobs.dispatcher';

/**
 * Every coaching job is a short transaction, so the job lock is short too: a worker that dies mid-job
 * (SIGKILL, OOM) has its jobs taken over by another worker within about 15 s (lock expiry + one
 * stalled-job check) instead of about a minute.
 */
export const SHORT_LOCK = { lockDuration: 10_000, stalledInterval: 5_000 };

/** The `coaching` queue: booking decisions and other work asked for now. */
@Processor(QUEUES.coaching, SHORT_LOCK)
export class CoachingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: CoachingJobsDispatcher,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  process(job: Job): Promise<void> {
    return this.jobs.dispatch(job);
  }
}
