/** What the API and the worker tell the gateways through Redis. The socket contract itself is in @bisang/contracts. */
import type { KpiUpdate, NotificationEvent } from '@bisang/contracts';

export type RealtimeSignal =
  | { kind: 'feed'; fairId: string; lastEventId: number }
  | { kind: 'notification'; userId: string; event: NotificationEvent }
  | { kind: 'kpis'; update: KpiUpdate }
  /** Sessions ended (sign-out, sign-out everywhere, password change, refresh-token replay): their sockets are dropped. null = every session of the user. */
  | { kind: 'sessions.revoked'; userId: string; sessionIds: string[] | null };
