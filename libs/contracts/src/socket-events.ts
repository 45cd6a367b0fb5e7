/** The socket.io contract of namespace /fair: every event name and payload, typed for the server and the web app. */
import type { FairKpis } from './kpis';
import type { PostingView } from './posting-view';
import type { ApplicationStatus, BookingStatus, FollowUpDays, RejectionReason, SlotKind } from './vocabulary';

export const FAIR_NAMESPACE = '/fair';

/** What each type of a fair's public feed carries. */
export interface FeedDataMap {
  'posting.published': { posting: PostingView };
  'posting.updated': { posting: PostingView };
  'posting.closed': { posting: PostingView };
  'booth.approved': { booth: { id: string; companyId: string; companyName: string; headline: string } };
  /** The booth and its postings left the public fair (live pages drop them). */
  'booth.suspended': { boothId: string };
  'fair.opened': { fairId: string };
  'fair.closed': { fairId: string };
  announcement: { title: string; body: string; by?: string; announcementId?: string };
  /** An organizer edited an announcement (its current text). */
  'announcement.updated': { announcementId: string; feedEventId: number; title: string; body: string };
  /** An organizer withdrew an announcement: pages drop it. */
  'announcement.withdrawn': { announcementId: string; feedEventId: number };
  /** An organizer added, changed or removed an item of the fair's programme: open pages re-read it. */
  'programme.changed': { itemId: string; change: 'added' | 'updated' | 'removed' };
}
export type FeedEventType = keyof FeedDataMap;
export const FEED_EVENT_TYPES = [
  'posting.published',
  'posting.updated',
  'posting.closed',
  'booth.approved',
  'booth.suspended',
  'fair.opened',
  'fair.closed',
  'announcement',
  'announcement.updated',
  'announcement.withdrawn',
  'programme.changed',
] as const satisfies readonly FeedEventType[];

/** One event of a fair's feed. `id` strictly increases within a fair, without gaps. */
export type FeedEvent = {
  [T in FeedEventType]: { id: number; fairId: string; type: T; at: string; data: FeedDataMap[T] };
}[FeedEventType];

interface BookingRef {
  bookingId: string;
  slotId: string;
  /** coaching or interview; absent on notifications stored before it was recorded. */
  kind?: SlotKind;
}

/** What each type of a user's notification carries. */
export interface NotificationDataMap {
  'booking.confirmed': BookingRef & {
    status: BookingStatus;
    startsAt: string;
    endsAt: string;
    rescheduledFrom?: string;
    /** To the seeker: who coaches or interviews them. */
    coachId?: string;
    /** To the coach or interviewer: who booked. */
    seekerId?: string;
  };
  'booking.rejected': BookingRef & { status: BookingStatus; reason: RejectionReason | null; message: string | null };
  'booking.cancelled': BookingRef & {
    status: BookingStatus;
    cancelledBy: 'seeker' | 'coach' | 'system';
    rescheduledTo?: string;
    /** Why the system cancelled it, e.g. the application left the interview stage. */
    reason?: string;
  };
  'booking.reminder': { bookingId: string; startsAt: string; endsAt: string; minutesBefore: number; minutesLeft: number };
  'booking.session_open': { bookingId: string; room: string; link: string; startsAt: string; endsAt: string };
  'booking.waitlist_offer': { slotId: string; waitlistEntryId: string; startsAt: string; endsAt: string; expiresAt: string };
  'application.status_changed': {
    applicationId: string;
    postingId: string;
    postingTitle: string;
    companyName: string;
    from: ApplicationStatus;
    to: ApplicationStatus;
  };
  'application.received': { applicationId: string; postingId: string; postingTitle: string; boothId: string; seekerName: string };
  /** To the booth's staff: the seeker accepted or declined their offer. */
  'application.offer_answered': { applicationId: string; postingId: string; postingTitle: string; boothId: string; seekerName: string; accepted: boolean };
  'hire.follow_up': { applicationId: string; daysAfterStart: FollowUpDays };
  /** A company invites the pooled seeker to apply (accept or ignore at /me/pool-invitations). */
  'pool.invitation': { invitationId: string; fairId: string; postingId: string; postingTitle: string; companyName: string; message: string | null; chatId?: string | null };
  /** A company invites the pooled seeker to chat at its booth (accept or ignore at /me/pool-invitations). */
  'pool.chat_invitation': { invitationId: string; fairId: string; boothId: string; companyName: string; message: string | null };
  /** To the recruiter who invited: the seeker accepted the invitation to chat, and the chat is open. */
  'pool.chat_accepted': { invitationId: string; chatId: string; boothId: string; seekerName: string };
  /** The centre introduces the seeker to a posting (agree or decline at /me/introductions). */
  'introduction.received': { introductionId: string; fairId: string; postingId: string; postingTitle: string; companyName: string; message: string | null };
  /** To a queued seeker who became first in a booth's queue. */
  'queue.next': { boothId: string; entryId: string; companyName: string };
  /** To a seeker whose left message a recruiter answered. */
  'chat.answered': { chatId: string; boothId: string | null; seq: number };
  /** To a seeker: a posting they saved (스크랩) closes within a day. */
  'posting.deadline_soon': { postingId: string; postingTitle: string; companyName: string; fairId: string; closesAt: string };
  /** A recruiter offered the seeker one of the booth's interview slots from a chat (book it at POST /coaching/bookings). */
  'chat.slot_offer': { chatId: string; boothId: string | null; offerId: string; slotId: string; startsAt: string; endsAt: string; companyName: string };
}
export type NotificationType = keyof NotificationDataMap;
export const NOTIFICATION_TYPES = [
  'booking.confirmed',
  'booking.rejected',
  'booking.cancelled',
  'booking.reminder',
  'booking.session_open',
  'booking.waitlist_offer',
  'application.status_changed',
  'application.received',
  'application.offer_answered',
  'hire.follow_up',
  'pool.invitation',
  'pool.chat_invitation',
  'pool.chat_accepted',
  'introduction.received',
  'queue.next',
  'chat.answered',
  'posting.deadline_soon',
  'chat.slot_offer',
] as const satisfies readonly NotificationType[];

/**
 * One notification of a user. `id` strictly increases per user (1, 2, 3, …): `me:join {since}` and
 * `GET /me/notifications?since=` replay from it.
 */
export type NotificationEvent = {
  [T in NotificationType]: { id: number; type: T; at: string; data: NotificationDataMap[T] };
}[NotificationType];

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
  /** `fair:join` / `me:join` with a `since` past the newest event or notification. */
  invalidSince: 'INVALID_SINCE',
  /**
   * A join with a `since` too far behind to replay on the socket: read `GET /fairs/:fairId/feed?since=` (or
   * `GET /me/notifications?since=`) over HTTP, then join again with the newest id read.
   */
  replayTooLarge: 'REPLAY_TOO_LARGE',
  /** `auth:refresh` with a token that is invalid, expired or of an ended session; `me:join` without one. */
  unauthorized: 'UNAUTHORIZED',
  /** `room:join` / `room:signal` of a room the socket may not enter (or has not entered), or that does not exist. */
  notFound: 'NOT_FOUND',
  /** `room:join` outside the room's window (`opensAt`, `closesAt` in the ack). */
  roomNotOpen: 'ROOM_NOT_OPEN',
  /** `room:signal` whose data is over ROOM_SIGNAL_MAX_BYTES. */
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
} as const;

/** A refused client event. `retryAfterMs` comes with RATE_LIMITED, `lastEventId` with REPLAY_TOO_LARGE of `fair:join`. */
export interface ErrorAck {
  ok: false;
  code: string;
  message?: string;
  retryAfterMs?: number;
  lastEventId?: number;
  /** ROOM_NOT_OPEN of `room:join`: when the room opens and closes. */
  opensAt?: string;
  closesAt?: string;
}
export type JoinAck = { ok: true; lastEventId: number } | ErrorAck;
export type MeJoinAck = { ok: true; lastNotificationId: number } | ErrorAck;
export type SimpleAck = { ok: true } | ErrorAck;

/** Why a socket lost its private events (notifications, kpi:update): it goes on as a visitor until `auth:refresh`. */
export interface AuthLost {
  reason: 'expired' | 'revoked';
}

/** To a queued seeker: their place in a booth's queue and the estimated wait (null until the booth has enough measured chats). */
export interface QueueUpdate {
  boothId: string;
  position: number;
  etaSeconds: number | null;
}

/** To both participants when a booth chat begins. */
export interface ChatStarted {
  chatId: string;
  boothId: string | null;
  seekerId: string;
  recruiterId: string | null;
}

/**
 * An act of the recruiter carried by a chat message, which the seeker answers from the chat with one click.
 * `ownWords`: the body is what the recruiter wrote; false when it is the server's bilingual default, which a client
 * in one language shows as its own text for the act instead.
 */
export type ChatAction =
  /** Apply to a posting: accept at POST /pool-invitations/:invitationId/accept. */
  | { type: 'invitation'; invitationId: string; postingId: string; postingTitle: string; ownWords?: boolean }
  /** Book an interview slot of the booth: POST /coaching/bookings {slotId}. */
  | { type: 'slot_offer'; offerId: string; slotId: string; startsAt: string; endsAt: string; ownWords?: boolean };

/** One stored chat message: the same shape over HTTP and socket.io. `seq` strictly increases per chat. */
export interface ChatMessage {
  id: string;
  chatId: string;
  seq: number;
  senderId: string | null;
  body: string;
  at: string;
  /** Present only when the message carries an invitation to apply or an interview slot offer. */
  action?: ChatAction;
}

/** To both participants: the chat's timer runs out at `endsAt` (the booth's chat length); the chat then ends. */
export interface ChatTimeWarning {
  chatId: string;
  endsAt: string;
}

export type ChatJoinAck = { ok: true; lastSeq: number } | ErrorAck;

/** `room:join`: the other participants already present (user ids). */
export type RoomJoinAck = { ok: true; roomId: string; peers: string[] } | ErrorAck;
/** The largest `room:signal` data (its JSON, in bytes) relayed; larger is refused with PAYLOAD_TOO_LARGE. */
export const ROOM_SIGNAL_MAX_BYTES = 64 * 1024;
/** To the other participant of a session room: someone came in (`present: true`) or went out. */
export interface RoomPeer {
  roomId: string;
  userId: string;
  present: boolean;
}
/** A WebRTC signalling message (description or candidate), relayed as is from one participant to the other. */
export interface RoomSignal {
  roomId: string;
  from: string;
  data: unknown;
}

export interface ServerToClientEvents {
  feed: (event: FeedEvent) => void;
  notification: (event: NotificationEvent) => void;
  'booth:presence': (presence: BoothPresence) => void;
  'kpi:update': (update: KpiUpdate) => void;
  /** The socket's access token expired or its session ended: it no longer receives private events. */
  'auth:expired': (info: AuthLost) => void;
  /** A queued seeker's position or estimate changed. */
  'queue:update': (update: QueueUpdate) => void;
  'chat:started': (chat: ChatStarted) => void;
  /** After `chat:join`: every message with seq > since, then live ones, in seq order, once each. */
  'chat:message': (message: ChatMessage) => void;
  'chat:ended': (info: { chatId: string }) => void;
  /** The chat's timer is about to run out. */
  'chat:time_warning': (warning: ChatTimeWarning) => void;
  /** The other participant read up to `seq` (their read marker). */
  'chat:read': (info: { chatId: string; userId: string; seq: number }) => void;
  /** The other participant is typing (a hint, not stored). */
  'chat:typing': (info: { chatId: string; userId: string }) => void;
  'room:peer': (peer: RoomPeer) => void;
  'room:signal': (signal: RoomSignal) => void;
}

export interface ClientToServerEvents {
  'fair:join': (payload: { fairId: string; since?: number }, ack?: (reply: JoinAck) => void) => void;
  'fair:leave': (payload: { fairId: string }, ack?: (reply: SimpleAck) => void) => void;
  'me:join': (payload: { since?: number }, ack?: (reply: MeJoinAck) => void) => void;
  'booth:enter': (payload: { boothId: string }, ack?: (reply: SimpleAck) => void) => void;
  'booth:leave': (payload: { boothId: string }, ack?: (reply: SimpleAck) => void) => void;
  /** A new access token for this socket (after the client refreshed its session): private events go on past the old token's expiry. */
  'auth:refresh': (payload: { token: string }, ack?: (reply: SimpleAck) => void) => void;
  /** Booth staff go online for the booth, taking up to `capacity` chats at once (1–4, default 2). */
  'booth:online': (payload: { boothId: string; capacity?: number }, ack?: (reply: SimpleAck) => void) => void;
  'booth:offline': (payload: { boothId: string }, ack?: (reply: SimpleAck) => void) => void;
  /** A participant follows a chat: the messages after `since` (none without it), then live ones. */
  'chat:join': (payload: { chatId: string; since?: number }, ack?: (reply: ChatJoinAck) => void) => void;
  'chat:leave': (payload: { chatId: string }, ack?: (reply: SimpleAck) => void) => void;
  /** Read marker: stored, and the other participant receives `chat:read`. */
  'chat:read': (payload: { chatId: string; seq: number }, ack?: (reply: SimpleAck) => void) => void;
  /** Typing hint to the other participant (after `chat:join`). */
  'chat:typing': (payload: { chatId: string }, ack?: (reply: SimpleAck) => void) => void;
  /** Enter a session room (its participants only, while it is open): NOT_FOUND, ROOM_NOT_OPEN. */
  'room:join': (payload: { roomId: string }, ack?: (reply: RoomJoinAck) => void) => void;
  'room:leave': (payload: { roomId: string }, ack?: (reply: SimpleAck) => void) => void;
  /** Relayed to the other participant only; `data` is any JSON up to ROOM_SIGNAL_MAX_BYTES. */
  'room:signal': (payload: { roomId: string; data: unknown }, ack?: (reply: SimpleAck) => void) => void;
}
