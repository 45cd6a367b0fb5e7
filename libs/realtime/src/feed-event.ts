import type { FeedEvent } from '@bisang/contracts';

/** The wire shape of a stored feed event (the same over HTTP and socket.io); its data was typed when it was appended. */
export function toFeedEvent(row: { id: number; fairId: string; type: string; at: Date; data: unknown }): FeedEvent {
  return { id: row.id, fairId: row.fairId, type: row.type, at: row.at.toISOString(), data: row.data } as FeedEvent;
}
