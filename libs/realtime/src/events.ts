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

export type JoinAck = { ok: true; lastEventId: number } | { ok: false; code: string; message?: string };
export type SimpleAck = { ok: true } | { ok: false; code: string; message?: string };

export interface ServerToClientEvents {
  feed: (event: FeedEvent) => void;
  notification: (event: NotificationEvent) => void;
  'booth:presence': (presence: BoothPresence) => void;
  'kpi:update': (update: KpiUpdate) => void;
}

export interface ClientToServerEvents {
  'fair:join': (payload: { fairId: string; since?: number }, ack?: (reply: JoinAck) => void) => void;
  'fair:leave': (payload: { fairId: string }, ack?: (reply: SimpleAck) => void) => void;
  'booth:enter': (payload: { boothId: string }, ack?: (reply: SimpleAck) => void) => void;
  'booth:leave': (payload: { boothId: string }, ack?: (reply: SimpleAck) => void) => void;
}

/** What the API and the worker tell the gateways through Redis. */
export type RealtimeSignal =
  | { kind: 'feed'; fairId: string; lastEventId: number }
  | { kind: 'notification'; userId: string; event: NotificationEvent }
  | { kind: 'kpis'; update: KpiUpdate }
  /** Sessions ended (sign-out, sign-out everywhere, password change, refresh-token replay): their sockets are dropped. null = every session of the user. */
  | { kind: 'sessions.revoked'; userId: string; sessionIds: string[] | null };
