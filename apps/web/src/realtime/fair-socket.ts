/**
 * One socket.io connection to namespace /fair for the whole app.
 *
 * The feed: it remembers, per fair, the last feed event id it saw; when the connection drops and comes back it
 * re-joins with `since` = that id, so the server replays exactly what was missed, and drops anything it has
 * already seen. Too far behind for the socket's replay (REPLAY_TOO_LARGE), it reads what it missed over HTTP
 * first; an event refused as RATE_LIMITED is sent again when the server says.
 *
 * Notifications, the same way: a signed-in socket keeps the last notification id it saw and emits
 * `me:join {since}` on every (re)connect (without `since` on the first one: from now), so what arrived while it
 * was away is replayed in order. A `since` the server will not replay from (REPLAY_TOO_LARGE, INVALID_SINCE)
 * is replaced by the inbox's `lastNotificationId` (GET /me/notifications), and the pages re-read.
 *
 * Pages: whatever a page shows may have changed while the connection was down, so after a drop every page that
 * follows `onResync` reads its data again when the socket is back.
 *
 * Its access token follows the tab's: a refreshed token is handed over on the same connection (`auth:refresh`),
 * and when the server says the token expired (`auth:expired`) the session is refreshed and handed over the same way.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  BoothPresence,
  ChatMessage,
  ChatStarted,
  ChatTimeWarning,
  ClientToServerEvents,
  FeedEvent,
  JoinAck,
  KpiUpdate,
  MeJoinAck,
  NotificationEvent,
  QueueUpdate,
  ServerToClientEvents,
  SimpleAck,
  RoomJoinAck,
  RoomPeer,
  RoomSignal,
} from '@bisang/contracts';
import { api, refreshSession, tokens } from '../api/client';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

type FeedListener = (event: FeedEvent) => void;

/** Booth chat's private events, as one stream for the pages. */
export type BoothChatEvent =
  | { type: 'queue'; data: QueueUpdate }
  | { type: 'started'; data: ChatStarted }
  | { type: 'ended'; data: { chatId: string } }
  | { type: 'typing'; data: { chatId: string; userId: string } }
  | { type: 'read'; data: { chatId: string; userId: string; seq: number } }
  | { type: 'timeWarning'; data: ChatTimeWarning };
/** A page in a session room: told the answer of every (re)join, the other side's presence and their signals. */
export interface RoomHandlers {
  onJoined(ack: RoomJoinAck): void;
  onPeer(peer: RoomPeer): void;
  onSignal(signal: RoomSignal): void;
}

export interface RoomLink {
  /** Sends a signalling message to the other side; dropped while disconnected (the page restarts ICE once back). */
  signal(data: unknown): void;
  leave(): void;
}

/** How long to wait before asking again when a `me:join` was refused for a passing reason (rate limit, network). */
const ME_JOIN_RETRY_MS = 1000;

class FairSocket {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private lastSeen = new Map<string, number>();
  private joined = new Map<string, number>(); // fairId → number of subscribers
  private feedListeners = new Set<FeedListener>();
  private notificationListeners = new Set<(e: NotificationEvent) => void>();
  private presenceListeners = new Set<(p: BoothPresence) => void>();
  private kpiListeners = new Set<(u: KpiUpdate) => void>();
  private stateListeners = new Set<(s: ConnectionState) => void>();
  private booths = new Map<string, number>();
  /** Followed chats: the newest seq delivered (each message once, in order, across reconnects) and who listens. */
  private chats = new Map<string, { lastSeq: number; listeners: Set<(m: ChatMessage) => void> }>();
  private boothChatListeners = new Set<(e: BoothChatEvent) => void>();
  /** Booths this recruiter is online for, with the capacity: said again after a reconnect. */
  private onlineBooths = new Map<string, number>();
  private sessionRooms = new Map<string, RoomHandlers>();
  private resyncListeners = new Set<() => void>();
  private token: string | null = null;
  /** The signed-in user whose notifications this socket follows (null: a visitor). */
  private userId: string | null = null;
  /** The newest notification id handled (null before the first `me:join` of this user). */
  private lastNotificationId: number | null = null;
  /** Bumped by every `me:join`: an answer to an older one is ignored. */
  private meJoinAttempt = 0;
  /**
   * While a `me:join {since}` is unanswered, or its `since` is being re-read: notifications that arrive then are
   * dropped, since the replay that follows the ack brings each of them again, in order.
   */
  private meJoinPending = false;
  /** The connection was lost (not closed on purpose): when it is back, the pages re-read. */
  private dropped = false;
  state: ConnectionState = 'connecting';

  private ensure(): Socket<ServerToClientEvents, ClientToServerEvents> {
    if (this.socket) return this.socket;
    this.token = tokens.accessToken;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('/fair', {
      path: '/socket.io',
      transports: ['websocket'],
      auth: (cb) => cb(tokens.accessToken ? { token: tokens.accessToken } : {}),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    socket.on('connect', () => {
      this.setState('live');
      this.joinMe();
      for (const fairId of this.joined.keys()) this.join(fairId);
      for (const boothId of this.booths.keys()) this.enter(boothId);
      for (const [boothId, capacity] of this.onlineBooths) socket.emit('booth:online', { boothId, capacity });
      for (const chatId of this.chats.keys()) this.joinChat(chatId);
      for (const roomId of this.sessionRooms.keys()) this.joinRoom(roomId);
      if (this.dropped) {
        this.dropped = false;
        this.resync();
      }
    });
    // The server took the socket's private events away (token expired, or the session ended): refresh and hand over.
    socket.on('auth:expired', () => {
      void refreshSession(this.token).then(() => this.reauthenticate(true));
    });
    socket.on('disconnect', (reason) => {
      // Closed on purpose to sign in or out: not a loss, the pages follow the new identity themselves.
      if (reason !== 'io client disconnect') this.dropped = true;
      this.meJoinPending = false;
      this.setState('reconnecting');
    });
    socket.on('connect_error', (err) => {
      this.dropped = true;
      this.setState('reconnecting');
      // A refused handshake is not retried by socket.io: an expired access token is refreshed (or, if the
      // session is gone, the socket goes on as a visitor) and the connection tried again.
      if (err.message === 'unauthorized' && !socket.active) {
        void refreshSession(this.token).then((ok) => {
          if (!ok) tokens.set(null);
          this.token = tokens.accessToken;
          socket.connect();
        });
      }
    });
    socket.on('feed', (event) => this.deliver(event));
    socket.on('notification', (event) => {
      if (this.meJoinPending) return; // the replay after the ack brings it, in order
      if (this.lastNotificationId !== null && event.id <= this.lastNotificationId) return; // already handled
      this.lastNotificationId = event.id;
      for (const l of this.notificationListeners) l(event);
    });
    // Sent to organizers' sockets that joined the fair, whenever a KPI number changed.
    socket.on('kpi:update', (u) => {
      for (const l of this.kpiListeners) l(u);
    });
    socket.on('room:peer', (p) => this.sessionRooms.get(p.roomId)?.onPeer(p));
    socket.on('room:signal', (s) => this.sessionRooms.get(s.roomId)?.onSignal(s));
    socket.on('booth:presence', (p) => {
      for (const l of this.presenceListeners) l(p);
    });
    socket.on('chat:message', (m) => {
      const chat = this.chats.get(m.chatId);
      if (!chat || m.seq <= chat.lastSeq) return; // a replay of what was already shown
      chat.lastSeq = m.seq;
      for (const l of chat.listeners) l(m);
    });
    const boothChat = (e: BoothChatEvent) => {
      for (const l of this.boothChatListeners) l(e);
    };
    socket.on('queue:update', (data) => boothChat({ type: 'queue', data }));
    socket.on('chat:started', (data) => boothChat({ type: 'started', data }));
    socket.on('chat:ended', (data) => boothChat({ type: 'ended', data }));
    socket.on('chat:typing', (data) => boothChat({ type: 'typing', data }));
    socket.on('chat:read', (data) => boothChat({ type: 'read', data }));
    socket.on('chat:time_warning', (data) => boothChat({ type: 'timeWarning', data }));
    // A new access token in this tab (a refresh after a 401, another tab's refresh, signing in or out).
    tokens.subscribe(() => this.reauthenticate());
    // Back online: try at once rather than at the end of the reconnection back-off (up to 5 s), so that a call
    // in a session room gets its signalling back as soon as the network.
    window.addEventListener('online', () => {
      if (socket.connected) return;
      socket.disconnect();
      socket.connect();
    });
    this.socket = socket;
    return socket;
  }

  private deliver(event: FeedEvent) {
    const seen = this.lastSeen.get(event.fairId) ?? 0;
    if (event.id <= seen) return; // already shown: a replay after reconnecting
    this.lastSeen.set(event.fairId, event.id);
    for (const l of this.feedListeners) l(event);
  }

  private join(fairId: string) {
    const since = this.lastSeen.get(fairId);
    this.socket?.emit('fair:join', since !== undefined ? { fairId, since } : { fairId }, (ack: JoinAck) => {
      if (ack.ok) {
        if (!this.lastSeen.has(fairId)) this.lastSeen.set(fairId, ack.lastEventId);
      } else if (ack.code === 'RATE_LIMITED') {
        this.later(ack.retryAfterMs, () => this.joined.has(fairId) && this.join(fairId));
      } else if (ack.code === 'REPLAY_TOO_LARGE') {
        void this.catchUpOverHttp(fairId, ack.lastEventId);
      }
    });
  }

  /**
   * Too far behind for the socket's replay: reads the missed events over HTTP (GET /fairs/:id/feed?since=, the
   * same events, delivered once each) up to the id the server named, then joins again from the newest one read.
   */
  private async catchUpOverHttp(fairId: string, upTo: number | undefined) {
    try {
      for (let pages = 0; pages < 50 && this.joined.has(fairId); pages++) {
        const since = this.lastSeen.get(fairId) ?? 0;
        if (upTo !== undefined && since >= upTo) break;
        const page = await api.feed(fairId, since, 100);
        for (const event of page.items) this.deliver(event);
        if (!page.nextCursor || page.items.length === 0) break;
      }
    } catch {
      // the API is unreachable as well: try again in a while rather than at once
      this.later(3000, () => this.joined.has(fairId) && this.join(fairId));
      return;
    }
    if (this.joined.has(fairId) && this.socket?.connected) this.join(fairId);
  }

  private enter(boothId: string) {
    this.socket?.emit('booth:enter', { boothId }, (ack) => {
      if (!ack.ok && ack.code === 'RATE_LIMITED') this.later(ack.retryAfterMs, () => this.booths.has(boothId) && this.enter(boothId));
    });
  }

  private joinRoom(roomId: string) {
    this.socket?.emit('room:join', { roomId }, (ack) => {
      const handlers = this.sessionRooms.get(roomId);
      if (!handlers) return;
      if (!ack.ok && ack.code === 'RATE_LIMITED') this.later(ack.retryAfterMs, () => this.sessionRooms.has(roomId) && this.joinRoom(roomId));
      else handlers.onJoined(ack);
    });
  }

  private leaveBooth(boothId: string) {
    this.socket?.emit('booth:leave', { boothId }, (ack) => {
      if (!ack.ok && ack.code === 'RATE_LIMITED') this.later(ack.retryAfterMs, () => !this.booths.has(boothId) && this.leaveBooth(boothId));
    });
  }

  private leaveFair(fairId: string) {
    this.socket?.emit('fair:leave', { fairId }, (ack) => {
      if (!ack.ok && ack.code === 'RATE_LIMITED') this.later(ack.retryAfterMs, () => !this.joined.has(fairId) && this.leaveFair(fairId));
    });
  }

  /** Runs `action` after `ms` (the server's retryAfterMs), if the socket is still connected then. */
  private later(ms: number | undefined, action: () => unknown) {
    setTimeout(() => {
      if (this.socket?.connected) action();
    }, Math.max(ms ?? 1000, 100));
  }

  /**
   * Follows the signed-in user's notifications from the last one seen (`since`), or from now on the first join.
   * Only on a socket that connected with a token of the user the app shows.
   */
  private joinMe(since: number | undefined = this.lastNotificationId ?? undefined) {
    const socket = this.socket;
    if (!socket?.connected || !this.userId || !this.token) return;
    const attempt = ++this.meJoinAttempt;
    const userId = this.userId;
    this.meJoinPending = since !== undefined;
    socket.emit('me:join', since !== undefined ? { since } : {}, (ack: MeJoinAck) => {
      if (attempt !== this.meJoinAttempt || userId !== this.userId) return; // a newer join, or another user, since
      if (ack.ok) {
        this.meJoinPending = false;
        // With `since`, the replay of (since, lastNotificationId] follows; without, the server starts after it.
        if (since === undefined && (this.lastNotificationId ?? 0) < ack.lastNotificationId) this.lastNotificationId = ack.lastNotificationId;
        return;
      }
      if (ack.code === 'REPLAY_TOO_LARGE' || ack.code === 'INVALID_SINCE') {
        // Too far behind to replay (or an id this user never had): start again from the inbox, and re-read pages.
        this.meJoinPending = true;
        void api.notifications({ limit: 1 }).then(
          (inbox) => {
            if (attempt !== this.meJoinAttempt || userId !== this.userId) return;
            this.lastNotificationId = inbox.lastNotificationId;
            this.joinMe(inbox.lastNotificationId);
            this.resync();
          },
          () => this.retryJoinMe(attempt),
        );
        return;
      }
      if (ack.code !== 'UNAUTHORIZED') this.retryJoinMe(attempt);
    });
  }

  private retryJoinMe(attempt: number) {
    setTimeout(() => attempt === this.meJoinAttempt && this.joinMe(), ME_JOIN_RETRY_MS);
  }

  private resync() {
    for (const l of this.resyncListeners) l();
  }

  private setState(state: ConnectionState) {
    this.state = state;
    for (const l of this.stateListeners) l(state);
  }

  /**
   * The app now shows `userId` (null: signed out). Reconnects with the current access token when it changed,
   * keeping the feed ids it has seen; a different user's notifications start afresh.
   */
  signedInAs(userId: string | null) {
    if (userId !== this.userId) {
      this.userId = userId;
      this.lastNotificationId = null;
      this.meJoinPending = false;
      this.meJoinAttempt++;
    }
    if (!this.socket) return; // its first connection uses the token of the moment
    if (this.token !== tokens.accessToken) {
      this.reauthenticate();
    } else if (userId && this.socket.connected && this.meJoinPending === false && this.lastNotificationId === null) {
      this.joinMe();
    }
  }

  /**
   * Gives the socket the tab's current access token, keeping what it has seen: on the same connection when
   * there is a token (`auth:refresh`: no reconnect, no replay), by reconnecting as a visitor after signing out
   * or when the server refuses it. `force`: even when the token looks unchanged (the server dropped it).
   */
  reauthenticate(force = false) {
    const socket = this.socket;
    if (!socket || (!force && this.token === tokens.accessToken)) return;
    const token = tokens.accessToken;
    this.token = token;
    const reconnect = () => {
      socket.disconnect();
      socket.connect();
    };
    if (!token || !socket.connected) return reconnect();
    socket.emit('auth:refresh', { token }, (ack) => {
      if (ack.ok) {
        // A user newly signed in on this connection follows their notifications from now.
        if (this.userId && this.lastNotificationId === null && !this.meJoinPending) this.joinMe();
        return;
      }
      if (ack.code === 'RATE_LIMITED') this.later(ack.retryAfterMs, () => this.token === token && this.reauthenticate(true));
      else if (this.token === token) reconnect();
    });
  }

  /** Follows a fair's feed; `since` seeds the last seen id when the page already shows events up to it. */
  followFair(fairId: string, since: number | undefined, listener: FeedListener): () => void {
    const socket = this.ensure();
    if (since !== undefined && (this.lastSeen.get(fairId) ?? -1) < since) this.lastSeen.set(fairId, since);
    this.feedListeners.add(listener);
    const count = this.joined.get(fairId) ?? 0;
    this.joined.set(fairId, count + 1);
    if (count === 0 && socket.connected) this.join(fairId);
    return () => {
      this.feedListeners.delete(listener);
      const left = (this.joined.get(fairId) ?? 1) - 1;
      if (left <= 0) {
        this.joined.delete(fairId);
        this.leaveFair(fairId);
      } else this.joined.set(fairId, left);
    };
  }

  enterBooth(boothId: string, listener: (p: BoothPresence) => void): () => void {
    const socket = this.ensure();
    this.presenceListeners.add(listener);
    const count = this.booths.get(boothId) ?? 0;
    this.booths.set(boothId, count + 1);
    if (count === 0 && socket.connected) this.enter(boothId);
    return () => {
      this.presenceListeners.delete(listener);
      const left = (this.booths.get(boothId) ?? 1) - 1;
      if (left <= 0) {
        this.booths.delete(boothId);
        this.leaveBooth(boothId);
      } else this.booths.set(boothId, left);
    };
  }

  /** A chat's messages from the first on, then live; after a drop it re-joins with the last seq shown: no gap, no duplicate. */
  followChat(chatId: string, listener: (m: ChatMessage) => void): () => void {
    const socket = this.ensure();
    const existing = this.chats.get(chatId);
    if (existing) {
      existing.listeners.add(listener);
    } else {
      this.chats.set(chatId, { lastSeq: 0, listeners: new Set([listener]) });
      if (socket.connected) this.joinChat(chatId);
    }
    return () => {
      const chat = this.chats.get(chatId);
      chat?.listeners.delete(listener);
      if (chat && chat.listeners.size === 0) {
        this.chats.delete(chatId);
        this.socket?.emit('chat:leave', { chatId });
      }
    };
  }

  private joinChat(chatId: string) {
    const since = this.chats.get(chatId)?.lastSeq ?? 0;
    this.socket?.emit('chat:join', { chatId, since }, (ack) => {
      if (!ack.ok && ack.code === 'RATE_LIMITED') this.later(ack.retryAfterMs, () => this.chats.has(chatId) && this.joinChat(chatId));
    });
  }

  onBoothChat(listener: (e: BoothChatEvent) => void): () => void {
    this.ensure();
    this.boothChatListeners.add(listener);
    return () => this.boothChatListeners.delete(listener);
  }

  /** Booth staff go online (capacity 1–4) or offline for a booth; online is said again after every reconnect. */
  setOnline(boothId: string, capacity: number | null): Promise<SimpleAck> {
    const socket = this.ensure();
    if (capacity === null) this.onlineBooths.delete(boothId);
    else this.onlineBooths.set(boothId, capacity);
    return new Promise((resolve) => {
      if (capacity === null) socket.emit('booth:offline', { boothId }, resolve);
      else socket.emit('booth:online', { boothId, capacity }, resolve);
    });
  }

  typing(chatId: string) {
    this.socket?.emit('chat:typing', { chatId });
  }

  markRead(chatId: string, seq: number) {
    this.socket?.emit('chat:read', { chatId, seq });
  }

  /**
   * Enters a session room on this connection, and again after every reconnect (each answer goes to `onJoined`).
   * Signals are sent only while connected: socket.io would otherwise send its buffer before the re-join.
   */
  enterRoom(roomId: string, handlers: RoomHandlers): RoomLink {
    const socket = this.ensure();
    this.sessionRooms.set(roomId, handlers);
    if (socket.connected) this.joinRoom(roomId);
    const send = (data: unknown, attempt = 0) => {
      if (!socket.connected || this.sessionRooms.get(roomId) !== handlers) return;
      socket.emit('room:signal', { roomId, data }, (ack) => {
        if (!ack.ok && ack.code === 'RATE_LIMITED' && attempt < 5) this.later(ack.retryAfterMs, () => send(data, attempt + 1));
      });
    };
    return {
      signal: (data) => send(data),
      leave: () => {
        if (this.sessionRooms.get(roomId) !== handlers) return;
        this.sessionRooms.delete(roomId);
        if (socket.connected) socket.emit('room:leave', { roomId });
      },
    };
  }

  onNotification(listener: (e: NotificationEvent) => void): () => void {
    this.ensure();
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  /** KPI snapshots of a fair as they change (an organizer's socket; the fair must be followed to join its room). */
  onKpiUpdate(listener: (u: KpiUpdate) => void): () => void {
    this.ensure();
    this.kpiListeners.add(listener);
    return () => this.kpiListeners.delete(listener);
  }

  /** Called when the connection is back after a drop: what a page shows may have changed meanwhile. */
  onResync(listener: () => void): () => void {
    this.ensure();
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.ensure();
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }
}

export const fairSocket = new FairSocket();
