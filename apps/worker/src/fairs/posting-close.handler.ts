import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { PostingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/** `posting.close`: closes a posting whose closesAt has come (no-op when it moved later or is already closed). */
@Injectable()
export class PostingCloseHandler {
  constructor(
    private readonly postings: PostingsRepository,
  ) {}

  async handle({ postingId }: JobMap['posting.close']): Promise<void> {
    const now = clock.now();
    await this.postings.close(postingId, now, now);
  }
}
