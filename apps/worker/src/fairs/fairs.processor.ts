import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobMap, QUEUES } from '@bisang/queues';
import { FairCloseHandler } from './fair-close.handler';
import { FairOpenHandler } from './fair-open.handler';
import { PostingCloseHandler } from './posting-close.handler';

type FairsJob = { [J in 'fair.open' | 'fair.close' | 'posting.close']: Job<JobMap[J], void, J> }['fair.open' | 'fair.close' | 'posting.close'];

/** The `fairs` queue: fair lifecycle and posting closing times. */
@Processor(QUEUES.fairs)
export class FairsProcessor extends WorkerHost {
  constructor(
    private readonly open: FairOpenHandler,
    private readonly close: FairCloseHandler,
    private readonly postingClose: PostingCloseHandler,
  ) {
    super();
  }

  async process(job: FairsJob): Promise<void> {
    switch (job.name) {
      case 'fair.open':
        return this.open.handle(job.data);
      case 'fair.close':
        return this.close.handle(job.data);
      case 'posting.close':
        return this.postingClose.handle(job.data);
    }
  }
}
