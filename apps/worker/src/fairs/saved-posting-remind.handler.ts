import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { SavedPostingsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/**
 * `saved-posting.remind`: records the reminder once per deadline (`saved_posting.deadline_near`), only while the
 * posting is still saved, open, and closing at that time; the notification follows from the event.
 */
@Injectable()
export class SavedPostingRemindHandler {
  constructor(private readonly saved: SavedPostingsRepository) {}

  async handle({ seekerId, postingId, closesAt }: JobMap['saved-posting.remind']): Promise<void> {
    await this.saved.markReminded(seekerId, postingId, new Date(closesAt), clock.now());
  }
}
