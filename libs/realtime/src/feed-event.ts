import { FeedEvent, FeedEventType } from './events';

/** The wire shape of a stored feed event (the same over HTTP and socket.io). */
export function toFeedEvent(row: { id: number; fairId: string; type: string; at: Date; data: Record<string, unknown> }): FeedEvent {
  return { id: row.id, fairId: row.fairId, type: row.type as FeedEventType, at: row.at.toISOString(), data: row.data };
}
