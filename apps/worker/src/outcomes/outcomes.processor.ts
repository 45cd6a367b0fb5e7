import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '@bisang/config';
import { JobMap, JobName, QUEUES } from '@bisang/queues';
import { HireFollowUpHandler } from './hire-follow-up.handler';

/** The jobs of the outcomes queue handled here. */
type OutcomesJob = Extract<JobName, 'hire.follow-up'>;

/** The `outcomes` queue: hands each job to its handler. */
@Processor(QUEUES.outcomes)
export class OutcomesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly handlers: { [J in OutcomesJob]: (payload: JobMap[J]) => Promise<void> };

  constructor(
    private readonly config: AppConfig,
    followUp: HireFollowUpHandler,
  ) {
    super();
    this.handlers = {
      'hire.follow-up': (p) => followUp.handle(p),
    };
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as OutcomesJob] as ((payload: unknown) => Promise<void>) | undefined;
    if (!handler) throw new Error(`no handler for outcomes job ${job.name}`);
    await handler(job.data);
  }
}
