import { Injectable } from '@nestjs/common';
import type { AppendedEvent } from '@bisang/database';
import { RealtimePublisher } from './realtime-publisher';

/** Tells the gateways, after commit, that a fair's feed moved. */
@Injectable()
export class FeedSignal {
  constructor(private readonly publisher: RealtimePublisher) {}

  async afterCommit(events: (AppendedEvent | undefined)[]): Promise<void> {
    const newest = new Map<string, number>();
    for (const e of events) if (e) newest.set(e.fairId, Math.max(newest.get(e.fairId) ?? 0, e.id));
    await Promise.all([...newest].map(([fairId, id]) => this.publisher.feedAdvanced(fairId, id)));
  }
}
