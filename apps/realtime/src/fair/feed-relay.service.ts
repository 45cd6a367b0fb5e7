import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { FairEventsRepository } from '@bisang/database';
import { rooms, toFeedEvent } from '@bisang/realtime';
import { FeedEvent, JoinAck } from '@bisang/contracts';
import type { FairNamespace, FairSocket } from './fair-socket';

const PAGE = 500;
const POLL_MS = 1000;

interface FairCursor {
  /** Newest event id this node has broadcast to the fair's room. */
  last: number;
  /** Serializes everything this node does for the fair, so broadcasts and joins never interleave. */
  chain: Promise<void>;
  /** Joins queued on the chain: the cursor is kept while any is under way, even with an empty room. */
  joining: number;
}

/**
 * Delivers a fair's feed on this node with no gap, duplicate or reordering.
 * Events come from PostgreSQL in id order (ids are dense and commit in order, see appendFairEvent);
 * a Redis signal or a 1 s poll only says "look again". A joining socket is acked, replayed from its
 * `since` up to what the room has seen, and only then added to the room, all in the fair's chain.
 */
@Injectable()
export class FeedRelay implements OnModuleDestroy {
  private readonly logger = new Logger(FeedRelay.name);
  private readonly cursors = new Map<string, FairCursor>();
  private namespace?: FairNamespace;
  private poller?: NodeJS.Timeout;

  constructor(private readonly events: FairEventsRepository) {}

  start(namespace: FairNamespace): void {
    this.namespace = namespace;
    this.poller = setInterval(() => this.pollAll(), POLL_MS);
    this.poller.unref();
  }

  onModuleDestroy(): void {
    if (this.poller) clearInterval(this.poller);
  }

  /** A signal from the API or worker: the fair has events up to `lastEventId`. */
  signalled(fairId: string, lastEventId: number): void {
    const cursor = this.cursors.get(fairId);
    if (cursor && lastEventId > cursor.last) this.enqueue(fairId, cursor, () => this.advance(fairId, cursor));
  }

  /**
   * Joins a socket to a fair's feed. `ack` is sent first; then every event with id > since (when given)
   * up to the room's position; then the socket receives the room's live events. A `since` past the fair's
   * newest event is refused: live events would repeat ids the client believes it has.
   */
  join(socket: FairSocket, fairId: string, since: number | undefined, ack: (reply: JoinAck) => void): Promise<void> {
    let cursor = this.cursors.get(fairId);
    if (!cursor) {
      cursor = { last: -1, chain: Promise.resolve(), joining: 0 };
      this.cursors.set(fairId, cursor);
    }
    const c = cursor;
    c.joining++;
    return this.enqueue(fairId, c, async () => {
      try {
        await this.replayAndJoin(socket, fairId, c, since, ack);
      } finally {
        c.joining--;
      }
    });
  }

  private async replayAndJoin(socket: FairSocket, fairId: string, c: FairCursor, since: number | undefined, ack: (reply: JoinAck) => void) {
    if (c.last < 0) c.last = (await this.events.lastEventId(fairId)) ?? 0;
    await this.advance(fairId, c);
    if (since !== undefined && since > c.last) {
      ack({ ok: false, code: 'INVALID_SINCE', message: `since is past the newest event (${c.last})` });
      return;
    }
    ack({ ok: true, lastEventId: c.last });
    if (since !== undefined && since < c.last) {
      let from = since;
      for (;;) {
        const page = await this.events.findAfter(fairId, from, PAGE, c.last);
        for (const e of page) socket.emit('feed', toFeedEvent(e));
        if (page.length < PAGE) break;
        from = page[page.length - 1].id;
      }
    }
    if (socket.connected) await socket.join(rooms.fair(fairId));
  }

  /** Catches up every followed fair, and forgets those nobody on this node follows any more. */
  private pollAll(): void {
    for (const [fairId, cursor] of this.cursors) {
      this.enqueue(fairId, cursor, async () => {
        const members = this.namespace?.adapter.rooms.get(rooms.fair(fairId))?.size ?? 0;
        if (members === 0 && cursor.joining === 0) {
          this.cursors.delete(fairId);
          return;
        }
        await this.advance(fairId, cursor);
      });
    }
  }

  /** Broadcasts, in order, every committed event after the room's position. */
  private async advance(fairId: string, cursor: FairCursor): Promise<void> {
    if (cursor.last < 0 || !this.namespace) return;
    for (;;) {
      const page = await this.events.findAfter(fairId, cursor.last, PAGE);
      for (const e of page) {
        if (e.id !== cursor.last + 1) {
          // Ids are dense; a hole means a reader raced a commit. Stop and look again on the next tick.
          return;
        }
        const event: FeedEvent = toFeedEvent(e);
        this.namespace.local.to(rooms.fair(fairId)).emit('feed', event);
        cursor.last = e.id;
      }
      if (page.length < PAGE) return;
    }
  }

  private enqueue(fairId: string, cursor: FairCursor, step: () => Promise<void>): Promise<void> {
    const next = cursor.chain.then(step).catch((err: Error) => {
      this.logger.warn(`feed relay for fair ${fairId}: ${err.message}`);
    });
    cursor.chain = next;
    return next;
  }
}
