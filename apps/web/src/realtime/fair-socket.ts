/**
 * One socket.io connection to namespace /fair for the whole app. It remembers, per fair, the last feed
 * event id it saw; when the connection drops and comes back it re-joins with `since` = that id, so the
 * server replays exactly what was missed, and drops anything it has already seen.
 */
import { io, type Socket } from 'socket.io-client';
import type { BoothPresence, ClientToServerEvents, FeedEvent, JoinAck, KpiUpdate, NotificationEvent, ServerToClientEvents } from '@bisang/contracts';
import { refreshSession, tokens } from '../api/client';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

type FeedListener = (event: FeedEvent) => void;

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
  private token: string | null = null;
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
      for (const fairId of this.joined.keys()) this.join(fairId);
      for (const boothId of this.booths.keys()) socket.emit('booth:enter', { boothId });
    });
    socket.on('disconnect', () => this.setState('reconnecting'));
    socket.on('connect_error', (err) => {
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
    socket.on('feed', (event) => {
      const seen = this.lastSeen.get(event.fairId) ?? 0;
      if (event.id <= seen) return; // already shown: a replay after reconnecting
      this.lastSeen.set(event.fairId, event.id);
      for (const l of this.feedListeners) l(event);
    });
    socket.on('notification', (event) => {
      for (const l of this.notificationListeners) l(event);
    });
    // Sent to organizers' sockets that joined the fair, whenever a KPI number changed.
    socket.on('kpi:update', (u) => {
      for (const l of this.kpiListeners) l(u);
    });
    socket.on('booth:presence', (p) => {
      for (const l of this.presenceListeners) l(p);
    });
    this.socket = socket;
    return socket;
  }

  private join(fairId: string) {
    const since = this.lastSeen.get(fairId);
    this.socket?.emit('fair:join', since !== undefined ? { fairId, since } : { fairId }, (ack: JoinAck) => {
      if (ack.ok && !this.lastSeen.has(fairId)) this.lastSeen.set(fairId, ack.lastEventId);
    });
  }

  private setState(state: ConnectionState) {
    this.state = state;
    for (const l of this.stateListeners) l(state);
  }

  /** Reconnects with the current access token (after signing in or out), keeping what it has seen. */
  reauthenticate() {
    if (!this.socket || this.token === tokens.accessToken) return;
    this.token = tokens.accessToken;
    this.socket.disconnect();
    this.socket.connect();
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
        socket.emit('fair:leave', { fairId });
      } else this.joined.set(fairId, left);
    };
  }

  enterBooth(boothId: string, listener: (p: BoothPresence) => void): () => void {
    const socket = this.ensure();
    this.presenceListeners.add(listener);
    const count = this.booths.get(boothId) ?? 0;
    this.booths.set(boothId, count + 1);
    if (count === 0 && socket.connected) socket.emit('booth:enter', { boothId });
    return () => {
      this.presenceListeners.delete(listener);
      const left = (this.booths.get(boothId) ?? 1) - 1;
      if (left <= 0) {
        this.booths.delete(boothId);
        socket.emit('booth:leave', { boothId });
      } else this.booths.set(boothId, left);
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

  onState(listener: (s: ConnectionState) => void): () => void {
    this.ensure();
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }
}

export const fairSocket = new FairSocket();
