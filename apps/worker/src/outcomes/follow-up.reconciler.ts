import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationsRepository } from '@bisang/database';
import { JobProducer, hireFollowUpJobs } from '@bisang/queues';

/**
 * At start-up, makes sure every hire whose follow-ups are not all asked has its follow-up jobs (a Redis that
 * lost its data would otherwise never ask). Deterministic ids keep jobs that exist as they are.
 */
@Injectable()
export class FollowUpReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(FollowUpReconciler.name);

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly jobs: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const now = Date.now();
      for (const hire of await this.applications.findHiresWithPendingFollowUps()) {
        for (const job of hireFollowUpJobs(hire.applicationId, hire.startDate, hire.timezone)) {
          await this.jobs.enqueue(job.name, job.payload, { jobId: job.jobId, delayMs: job.fireAt.getTime() - now });
        }
      }
    } catch (err) {
      this.logger.error(`follow-up reconciliation failed: ${(err as Error).message}`);
    }
  }
}
