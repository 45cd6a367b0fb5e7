import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '@bisang/config';
import { QUEUES, SHORT_LOCK } from '@bisang/queues';
import { CoachingJobsDispatcher } from './coaching-jobs.dispatcher';


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
