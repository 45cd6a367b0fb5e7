import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { notFound } from '@bisang/common';
import { FairEventsRepository, FairsRepository, isFairVisibleTo } from '@bisang/database';
import { toFeedEvent } from '@bisang/realtime';
import { FeedEvent } from '@bisang/contracts';

@Injectable()
export class FeedService {
  constructor(
    private readonly events: FairEventsRepository,
    private readonly fairs: FairsRepository,
  ) {}

  /** Events with id > since, oldest first; nextCursor is the `since` of the next page. */
  async after(fairId: string, since: number, limit: number, caller?: AuthenticatedUser): Promise<{ items: FeedEvent[]; nextCursor: string | null }> {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, caller?.role)) throw notFound('Fair', '박람회');
    const rows = await this.events.findAfter(fairId, since, limit + 1);
    const items = rows.slice(0, limit).map(toFeedEvent);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }
}
