/** What the API and the worker tell the gateways through Redis. The socket contract itself is in @bisang/contracts. */
import type { ChatMessage, ChatStarted, ChatTimeWarning, KpiUpdate, NotificationEvent, QueueUpdate } from '@bisang/contracts';

/** A private socket event for one user's sockets (booth chat): its name and payload, typed as in ServerToClientEvents. */
export type UserPush =
  | { event: 'queue:update'; data: QueueUpdate }
  | { event: 'chat:started'; data: ChatStarted }
  | { event: 'chat:ended'; data: { chatId: string } }
  | { event: 'chat:time_warning'; data: ChatTimeWarning };

export type RealtimeSignal =
  | { kind: 'feed'; fairId: string; lastEventId: number }
  | { kind: 'notification'; userId: string; event: NotificationEvent }
  | { kind: 'kpis'; update: KpiUpdate }
  /** Sessions ended (sign-out, sign-out everywhere, password change, refresh-token replay): their sockets are dropped. null = every session of the user. */
  | { kind: 'sessions.revoked'; userId: string; sessionIds: string[] | null }
  /** Private socket events for a user's sockets on every node. */
  | ({ kind: 'user'; userId: string } & UserPush)
  /**
   * A chat got a message (published once it committed): gateways with sockets in it hand it on as it is, or read
   * from PostgreSQL what a socket further behind lacks.
   */
  | { kind: 'chat'; chatId: string; message: ChatMessage };
