import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobMap, QUEUES } from '@bisang/queues';
import { FairCloseHandler } from './fair-close.handler';
import { FairOpenHandler } from './fair-open.handler';
import { PostingCloseHandler } from './posting-close.handler';
import { SavedPostingRemindHandler } from './saved-posting-remind.handler';

type FairsJobName = 'fair.open' | 'fair.close' | 'posting.close' | 'saved-posting.remind';
type FairsJob = { [J in FairsJobName]: Job<JobMap[J], void, J> }[FairsJobName];

/** The `fairs` queue: fair lifecycle, posting closing times and saved postings' deadline reminders. */
@Processor(QUEUES.fairs)
export class FairsProcessor extends WorkerHost {
  constructor(
    private readonly open: FairOpenHandler,
    private readonly close: FairCloseHandler,
    private readonly postingClose: PostingCloseHandler,
    private readonly savedPostingRemind: SavedPostingRemindHandler,
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
      case 'saved-posting.remind':
        return this.savedPostingRemind.handle(job.data);
    }
  }
}
