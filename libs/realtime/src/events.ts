/** The socket.io contract of namespace /fair: every event name and payload, typed on both sides. */
import type { FairKpis } from '@bisang/common';

export const FAIR_NAMESPACE = '/fair';

export const FEED_EVENT_TYPES = [
  'posting.published',
  'posting.updated',
  'posting.closed',
  'booth.approved',
  'fair.opened',
  'fair.closed',
  'announcement',
] as const;
export type FeedEventType = (typeof FEED_EVENT_TYPES)[number];

/** One event of a fair's feed. `id` strictly increases within a fair, without gaps. */
export interface FeedEvent {
  id: number;
  fairId: string;
  type: FeedEventType;
  at: string;
  data: Record<string, unknown>;
}

export const NOTIFICATION_TYPES = [
  'booking.confirmed',
  'booking.rejected',
  'booking.cancelled',
  'booking.reminder',
  'booking.session_open',
  'booking.waitlist_offer',
  'application.status_changed',
  'application.received',
  'hire.follow_up',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface NotificationEvent {
  id: string;
  type: NotificationType;
  at: string;
  data: Record<string, unknown>;
}

export interface BoothPresence {
  boothId: string;
  visitors: number;
  recruitersOnline: number;
}

/** To a fair's organizers (sockets that joined it): its KPIs, when a number changed. */
export interface KpiUpdate {
  fairId: string;
  kpis: FairKpis;
}

/** Stable codes of a refused client event, common to every event of namespace /fair (features add their own, e.g. NOT_FOUND). */
export const SOCKET_ERROR_CODES = {
  /** The payload is not of the event's shape. */
  invalidPayload: 'INVALID_PAYLOAD',
  /** Over the socket's event rate: retry after `retryAfterMs`. Keeps on, and the socket is disconnected. */
  rateLimited: 'RATE_LIMITED',
  /** `fair:join` with a `since` past the fair's newest event. */
  invalidSince: 'INVALID_SINCE',
  /**
   * `fair:join` with a `since` too far behind to replay on the socket: read `GET /fairs/:fairId/feed?since=`
   * up to `lastEventId` over HTTP, then join again with the newest id read.
   */
  replayTooLarge: 'REPLAY_TOO_LARGE',
  /** `auth:refresh` with a token that is invalid, expired or of an ended session. */
  unauthorized: 'UNAUTHORIZED',
} as const;

/** A refused client event. `retryAfterMs` comes with RATE_LIMITED, `lastEventId` with REPLAY_TOO_LARGE. */
export interface ErrorAck {
  ok: false;
  code: string;
  message?: string;
  retryAfterMs?: number;
  lastEventId?: number;
}

export type JoinAck = { ok: true; lastEventId: number } | ErrorAck;
export type SimpleAck = { ok: true } | ErrorAck;

/** Why a socket lost its private events (notifications, kpi:update): it goes on as a visitor until `auth:refresh`. */
export interface AuthLost {
  reason: 'expired' | 'revoked';
}

export interface ServerToClientEvents {
  feed: (event: FeedEvent) => void;
  notification: (event: NotificationEvent) => void;
  'booth:presence': (presence: BoothPresence) => void;
  'kpi:update': (update: KpiUpdate) => void;
  /** The socket's access token expired or its session ended: it no longer receives private events. */
  'auth:expired': (info: AuthLost) => void;
}

export interface ClientToServerEvents {
  'fair:join': (payload: { fairId: string; since?: number }, ack?: (reply: JoinAck) => void) => void;
  'fair:leave': (payload: { fairId: string }, ack?: (reply: SimpleAck) => void) => void;
  'booth:enter': (payload: { boothId: string }, ack?: (reply: SimpleAck) => void) => void;
  'booth:leave': (payload: { boothId: string }, ack?: (reply: SimpleAck) => void) => void;
  /** A new access token for this socket (after the client refreshed its session): private events go on past the old token's expiry. */
  'auth:refresh': (payload: { token: string }, ack?: (reply: SimpleAck) => void) => void;
}

/** What the API and the worker tell the gateways through Redis. */
export type RealtimeSignal =
  | { kind: 'feed'; fairId: string; lastEventId: number }
  | { kind: 'notification'; userId: string; event: NotificationEvent }
  | { kind: 'kpis'; update: KpiUpdate }
  /** Sessions ended (sign-out, sign-out everywhere, password change); `sessionIds` null: every session of the user. */
  | { kind: 'sessions.revoked'; userId: string; sessionIds: string[] | null };
