import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import { JobProducer, jobIds } from '@bisang/queues';

/** Registers the repeated pending-booking sweep; every worker upserts the same scheduler, one schedule results. */
@Injectable()
export class PendingSweepScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.repeatEvery('coaching.sweep-pending', {}, jobIds.sweepPendingScheduler, this.config.coachingSweepIntervalMs);
  }
}
