import { Injectable, Logger } from '@nestjs/common';
import type { MeJoinAck, NotificationEvent } from '@bisang/contracts';
import { NotificationsRepository, NotificationRow } from '@bisang/database';
import { rooms } from '@bisang/realtime';
import type { FairNamespace, FairSocket } from './fair-socket';

const PAGE = 500;
/** A `me:join` further behind than this is told to read the inbox over HTTP first (GET /me/notifications?since=). */
export const MAX_NOTIFICATION_REPLAY = 1000;

const toEvent = (r: NotificationRow): NotificationEvent => ({ id: r.id, type: r.type, at: r.createdAt.toISOString(), data: r.data }) as NotificationEvent;

/**
 * Delivers each user's notifications to their sockets on this node in id order, with no gap and no duplicate.
 * Ids are dense per user (1, 2, 3, …) and commit in order, so each socket keeps the last id it was sent: a signal
 * at or below it is a redelivery and is dropped, one past the next id means a signal was lost and the gap is
 * read from PostgreSQL. Everything for one user runs on one chain, so a `me:join` replay and live signals never
 * interleave.
 */
@Injectable()
export class NotificationRelay {
  private readonly logger = new Logger(NotificationRelay.name);
  private readonly chains = new Map<string, Promise<void>>();
  private namespace?: FairNamespace;

  constructor(private readonly notifications: NotificationsRepository) {}

  start(namespace: FairNamespace): void {
    this.namespace = namespace;
  }

  /**
   * `me:join {since}`: acks with the newest id, replays every notification after `since` (when given) and from
   * then on sends the live ones. Without `since`, from now.
   */
  join(socket: FairSocket, userId: string, since: number | undefined, ack: (reply: MeJoinAck) => void): Promise<void> {
    return this.enqueue(userId, async () => {
      const last = await this.notifications.lastId(userId);
      if (since !== undefined && since > last) {
        ack({ ok: false, code: 'INVALID_SINCE', message: `since is past the newest notification (${last})` });
        return;
      }
      if (since !== undefined && last - since > MAX_NOTIFICATION_REPLAY) {
        ack({ ok: false, code: 'REPLAY_TOO_LARGE', message: `more than ${MAX_NOTIFICATION_REPLAY} notifications behind: read GET /me/notifications?since= first` });
        return;
      }
      ack({ ok: true, lastNotificationId: last });
      if (since !== undefined) await this.sendRange(socket, userId, since, last);
      socket.data.lastNotificationId = last;
    });
  }

  /** A notification was stored for `userId` (a signal through Redis, possibly repeated or out of order). */
  signalled(userId: string, event: NotificationEvent): void {
    const room = this.namespace?.adapter.rooms.get(rooms.user(userId));
    if (!room || room.size === 0) return;
    void this.enqueue(userId, async () => {
      for (const socketId of this.namespace?.adapter.rooms.get(rooms.user(userId)) ?? []) {
        const socket = this.namespace?.sockets.get(socketId);
        if (!socket || socket.data.user?.id !== userId) continue;
        const cursor = socket.data.lastNotificationId;
        if (cursor === undefined) {
          // Not joined: from the first one it sees on.
          socket.emit('notification', event);
          socket.data.lastNotificationId = event.id;
        } else if (event.id === cursor + 1) {
          socket.emit('notification', event);
          socket.data.lastNotificationId = event.id;
        } else if (event.id > cursor + 1) {
          await this.sendRange(socket, userId, cursor, event.id);
          socket.data.lastNotificationId = event.id;
        }
      }
    });
  }

  /** Sends the user's notifications with id in (after, upTo], oldest first. */
  private async sendRange(socket: FairSocket, userId: string, after: number, upTo: number): Promise<void> {
    let from = after;
    while (from < upTo) {
      const page = await this.notifications.findSince(userId, from, Math.min(PAGE, upTo - from));
      if (!page.length) return;
      for (const row of page) socket.emit('notification', toEvent(row));
      from = page[page.length - 1].id;
    }
  }

  private enqueue(userId: string, step: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(userId) ?? Promise.resolve())
      .then(step)
      .catch((err: Error) => this.logger.warn(`notifications relay: ${err.message}`));
    this.chains.set(userId, next);
    void next.then(() => {
      if (this.chains.get(userId) === next) this.chains.delete(userId);
    });
    return next;
  }
}
