import { Injectable } from '@nestjs/common';
import { PostingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';
import { FeedSignal } from '@bisang/realtime';

/** `posting.close`: closes a posting whose closesAt has come (no-op when it moved later or is already closed). */
@Injectable()
export class PostingCloseHandler {
  constructor(
    private readonly postings: PostingsRepository,
    private readonly feed: FeedSignal,
  ) {}

  async handle({ postingId }: JobMap['posting.close']): Promise<void> {
    const now = new Date();
    const result = await this.postings.close(postingId, now, now);
    if (result && !('conflict' in result)) await this.feed.afterCommit([result.event]);
  }
}
