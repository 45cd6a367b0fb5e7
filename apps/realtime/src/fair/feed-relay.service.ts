import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, SocketLimits } from '@bisang/config';
import { FairEventsRepository } from '@bisang/database';
import { rooms, toFeedEvent } from '@bisang/realtime';
import { FeedEvent, JoinAck, SOCKET_ERROR_CODES } from '@bisang/contracts';
import type { FairNamespace, FairSocket } from './fair-socket';
import { dropSlowConsumer, unsentPackets } from './slow-consumers';

const PAGE = 500;
const POLL_MS = 1000;

interface FairCursor {
  /** Newest event id this node has broadcast to the fair's room; -1 until first read. */
  last: number;
  /** Serializes this node's broadcasts of the fair, so they never interleave. Replays to joining sockets are not on it. */
  chain: Promise<void>;
  /** A catch-up queued on the chain that has not started yet: joins and signals arriving meanwhile share it. */
  pending?: Promise<void>;
  /** Joins under way: the cursor is kept while any is, even with an empty room. */
  joining: number;
}

/**
 * Delivers a fair's feed on this node with no gap, duplicate or reordering.
 * Events come from PostgreSQL in id order (ids are dense and commit in order, see appendFairEvent);
 * a Redis signal or a 1 s poll only says "look again". A joining socket is acked, replayed from its
 * `since` up to what the room has seen, and added to the room in the same tick as its replay reaches
 * the room's position. Each socket's replay runs on its own (its joins one after another), so a socket
 * that floods joins or reads slowly delays nobody else's join.
 */
@Injectable()
export class FeedRelay implements OnModuleDestroy {
  private readonly logger = new Logger(FeedRelay.name);
  private readonly cursors = new Map<string, FairCursor>();
  /** Each socket's last queued join. */
  private readonly socketJoins = new WeakMap<FairSocket, Promise<void>>();
  private readonly limits: SocketLimits;
  private namespace?: FairNamespace;
  private poller?: NodeJS.Timeout;

  constructor(
    private readonly events: FairEventsRepository,
    config: AppConfig,
  ) {
    this.limits = config.socketLimits;
  }

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
    if (cursor && lastEventId > cursor.last) void this.catchUp(fairId, cursor);
  }

  /**
   * Joins a socket to a fair's feed. `ack` is sent first; then every event with id > since (when given)
   * up to the room's position; then the socket receives the room's live events. A `since` past the fair's
   * newest event is refused (live events would repeat ids the client believes it has), and one more than
   * FEED_REPLAY_MAX events behind is sent to HTTP (REPLAY_TOO_LARGE).
   */
  join(socket: FairSocket, fairId: string, since: number | undefined, ack: (reply: JoinAck) => void): Promise<void> {
    let cursor = this.cursors.get(fairId);
    if (!cursor) {
      cursor = { last: -1, chain: Promise.resolve(), joining: 0 };
      this.cursors.set(fairId, cursor);
    }
    const c = cursor;
    c.joining++;
    const run = (this.socketJoins.get(socket) ?? Promise.resolve())
      .then(() => this.replayAndJoin(socket, fairId, c, since, ack))
      .catch((err: Error) => this.logger.warn(`join of fair ${fairId}: ${err.message}`))
      .finally(() => c.joining--);
    this.socketJoins.set(socket, run);
    return run;
  }

  private async replayAndJoin(socket: FairSocket, fairId: string, c: FairCursor, since: number | undefined, ack: (reply: JoinAck) => void) {
    if (!socket.connected) return;
    await this.catchUp(fairId, c);
    if (since !== undefined && since > c.last) {
      ack({ ok: false, code: SOCKET_ERROR_CODES.invalidSince, message: `since is past the newest event (${c.last})` });
      return;
    }
    const max = this.limits.replayMax;
    if (since !== undefined && max !== null && c.last - since > max) {
      ack({
        ok: false,
        code: SOCKET_ERROR_CODES.replayTooLarge,
        message: `more than ${max} events to replay: read GET /api/v1/fairs/${fairId}/feed?since=${since} up to ${c.last}, then join with the newest id read`,
        lastEventId: c.last,
      });
      return;
    }
    const room = rooms.fair(fairId);
    // A rejoin starts over from its own since: out of the room until its replay has caught up.
    void socket.leave(room);
    ack({ ok: true, lastEventId: c.last });
    let from = since ?? c.last;
    // The room moves on while this socket replays: follow it. The last check and the join below run in one
    // tick (joining a local room is synchronous), so no broadcast falls between them: no gap, no duplicate.
    while (from < c.last) {
      if (!socket.connected) return;
      const page = await this.events.findAfter(fairId, from, PAGE, c.last);
      // Measured after the read: what the previous page left unsent by then is a backlog, not a burst.
      if (this.backedUp(socket)) return;
      if (page.length === 0) break;
      for (const e of page) socket.emit('feed', toFeedEvent(e));
      from = page[page.length - 1].id;
    }
    if (socket.connected) void socket.join(room);
  }

  /** Reads the fair's position once (first use) and broadcasts what is new; concurrent callers share one run. */
  private catchUp(fairId: string, c: FairCursor): Promise<void> {
    if (c.pending) return c.pending;
    const run = this.enqueue(fairId, c, async () => {
      c.pending = undefined; // whoever arrives from now on may know of newer events: they queue the next run
      if (c.last < 0) c.last = (await this.events.lastEventId(fairId)) ?? 0;
      await this.advance(fairId, c);
    });
    c.pending = run;
    return run;
  }

  /** Catches up every followed fair, and forgets those nobody on this node follows any more. */
  private pollAll(): void {
    for (const [fairId, cursor] of this.cursors) {
      this.enqueue(fairId, cursor, async () => {
        const members = this.namespace?.adapter.rooms.get(rooms.fair(fairId))?.size ?? 0;
        if (members === 0 && cursor.joining === 0) {
          if (this.cursors.get(fairId) === cursor) this.cursors.delete(fairId);
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
      // What earlier broadcasts left unsent after a database round trip is a backlog, not a burst.
      if (page.length) this.dropSlowConsumers(fairId);
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

  /** Sockets of the fair's room on this node that stopped reading are dropped before their buffers grow further. */
  private dropSlowConsumers(fairId: string): void {
    const members = this.namespace?.adapter.rooms.get(rooms.fair(fairId));
    if (!members) return;
    for (const id of members) {
      const socket = this.namespace!.sockets.get(id);
      if (socket) this.backedUp(socket);
    }
  }

  /** True (and the socket dropped) when the socket holds more unsent packets than SOCKET_MAX_BUFFERED_PACKETS. */
  private backedUp(socket: FairSocket): boolean {
    const unsent = unsentPackets(socket);
    if (unsent <= this.limits.maxBufferedPackets) return false;
    this.logger.warn(`socket ${socket.id} dropped: ${unsent} packets unread (a slow consumer)`);
    dropSlowConsumer(socket);
    return true;
  }

  private enqueue(fairId: string, cursor: FairCursor, step: () => Promise<void>): Promise<void> {
    const next = cursor.chain.then(step).catch((err: Error) => {
      this.logger.warn(`feed relay for fair ${fairId}: ${err.message}`);
    });
    cursor.chain = next;
    return next;
  }
}
