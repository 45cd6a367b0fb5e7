import {
  Ack,
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { RealtimeSignal, UserPush, rooms } from '@bisang/realtime';
import { ChatJoinAck, FAIR_NAMESPACE, JoinAck, MeJoinAck, RoomJoinAck, SimpleAck } from '@bisang/contracts';
import { socketAuth } from '../socket-auth';
import { BoothPresenceService } from './booth-presence.service';
import { FairAccess } from './fair-access.service';
import type { FairNamespace, FairSocket } from './fair-socket';
import { FeedRelay } from './feed-relay.service';
import { RealtimeSignals } from './realtime-signals.service';
import { NotificationRelay } from './notification-relay.service';
import { ChatRelay } from './chat-relay.service';
import { StaffPresenceService } from './staff-presence.service';
import { SeekerPresenceService } from './seeker-presence.service';
import { SessionRoomsRelay } from './session-rooms-relay.service';
import {
  parseBoothPayload,
  parseChatPayload,
  parseJoinPayload,
  parseMeJoinPayload,
  parseOnlinePayload,
  parseReadPayload,
  parseRoomPayload,
  parseRoomSignalPayload,
  parseTokenPayload,
} from './socket-payloads';
import { SocketRateLimit } from './socket-rate-limit';
import { SocketSessions } from './socket-sessions.service';

export type { FairNamespace, FairSocket } from './fair-socket';

@WebSocketGateway({ namespace: FAIR_NAMESPACE })
export class FairGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer()
  private readonly namespace: FairNamespace;

  constructor(
    private readonly sessions: SocketSessions,
    private readonly signals: RealtimeSignals,
    private readonly relay: FeedRelay,
    private readonly presence: BoothPresenceService,
    private readonly access: FairAccess,
    private readonly rateLimit: SocketRateLimit,
    private readonly notifications: NotificationRelay,
    private readonly chats: ChatRelay,
    private readonly staffPresence: StaffPresenceService,
    private readonly sessionRooms: SessionRoomsRelay,
    private readonly seekerPresence: SeekerPresenceService,
  ) {}

  async afterInit(namespace: FairNamespace) {
    namespace.use(socketAuth(this.sessions));
    this.sessions.start(namespace);
    this.relay.start(namespace);
    this.notifications.start(namespace);
    this.presence.start(namespace);
    this.chats.start(namespace);
    this.staffPresence.start();
    this.sessionRooms.start(namespace);
    this.seekerPresence.start(namespace);
    await this.signals.start((signal) => this.onSignal(signal));
  }

  handleConnection(socket: FairSocket) {
    // Every client event, of every handler here and to come, passes the socket's rate limit first.
    this.rateLimit.apply(socket);
    this.sessions.admit(socket);
    void this.seekerPresence.connected(socket);
  }

  async handleDisconnect(socket: FairSocket) {
    this.sessions.forget(socket);
    await Promise.all([this.presence.disconnected(socket.id), this.staffPresence.disconnected(socket.id), this.sessionRooms.disconnected(socket.id), this.seekerPresence.disconnected(socket)]);
  }

  @SubscribeMessage('fair:join')
  async join(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: JoinAck) => void) {
    const reply = ack ?? (() => undefined);
    const payload = parseJoinPayload(body);
    if (!payload.ok) return reply(payload);
    if (!(await this.access.canFollow(payload.fairId, socket.data.user))) return reply({ ok: false, code: 'NOT_FOUND', message: 'fair not found' });
    // Before the ack: an organizer who is told "joined" already receives the fair's kpi:update.
    const organizerRoom = this.access.seesKpis(socket.data.user) ? rooms.fairOrganizers(payload.fairId) : undefined;
    if (organizerRoom) await socket.join(organizerRoom);
    await this.relay.join(socket, payload.fairId, payload.since, (answer) => {
      if (!answer.ok && organizerRoom) void socket.leave(organizerRoom);
      reply(answer);
    });
  }

  /** The signed-in user's notifications: replayed after `since`, then live, with no gap and no duplicate. */
  @SubscribeMessage('me:join')
  async joinMe(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: MeJoinAck) => void) {
    const reply = ack ?? (() => undefined);
    const user = socket.data.user;
    if (!user) return reply({ ok: false, code: 'UNAUTHORIZED', message: 'sign in to follow your notifications' });
    const payload = parseMeJoinPayload(body);
    if (!payload.ok) return reply(payload);
    await this.notifications.join(socket, user.id, payload.since, reply);
  }

  @SubscribeMessage('fair:leave')
  async leave(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseJoinPayload(body);
    if (!payload.ok) return ack?.(payload);
    await socket.leave(rooms.fair(payload.fairId));
    await socket.leave(rooms.fairOrganizers(payload.fairId));
    ack?.({ ok: true });
  }

  @SubscribeMessage('booth:enter')
  async enterBooth(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseBoothPayload(body);
    if (!payload.ok) return ack?.(payload);
    const kind = await this.access.boothRole(payload.boothId, socket.data.user);
    if (!kind) return ack?.({ ok: false, code: 'NOT_FOUND', message: 'booth not found' });
    await this.presence.enter(socket, payload.boothId, kind);
    ack?.({ ok: true });
  }

  @SubscribeMessage('booth:leave')
  async leaveBooth(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseBoothPayload(body);
    if (!payload.ok) return ack?.(payload);
    await this.presence.leave(socket, payload.boothId);
    ack?.({ ok: true });
  }

  /** Booth staff go online for the booth with a capacity (1–4, default 2): "take next" needs it. */
  @SubscribeMessage('booth:online')
  async boothOnline(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseOnlinePayload(body);
    if (!payload.ok) return ack?.(payload);
    const user = socket.data.user;
    if (!user || (await this.access.boothRole(payload.boothId, user)) !== 'recruiters') {
      return ack?.({ ok: false, code: 'NOT_FOUND', message: 'booth not found among your booths' });
    }
    await this.staffPresence.online(socket, payload.boothId, user.id, payload.capacity);
    ack?.({ ok: true });
  }

  @SubscribeMessage('booth:offline')
  async boothOffline(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseBoothPayload(body);
    if (!payload.ok) return ack?.(payload);
    const user = socket.data.user;
    if (!user || (await this.access.boothRole(payload.boothId, user)) !== 'recruiters') {
      return ack?.({ ok: false, code: 'NOT_FOUND', message: 'booth not found among your booths' });
    }
    await this.staffPresence.offline(socket, payload.boothId, user.id);
    ack?.({ ok: true });
  }

  /** A participant follows a chat: replayed after `since`, then live, with no gap and no duplicate. */
  @SubscribeMessage('chat:join')
  async joinChat(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: ChatJoinAck) => void) {
    const reply = ack ?? (() => undefined);
    const payload = parseChatPayload(body);
    if (!payload.ok) return reply(payload);
    const user = socket.data.user;
    if (!user) return reply({ ok: false, code: 'NOT_FOUND', message: 'chat not found' });
    await this.chats.join(socket, user.id, payload.chatId, payload.since, reply);
  }

  @SubscribeMessage('chat:leave')
  async leaveChat(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseChatPayload(body);
    if (!payload.ok) return ack?.(payload);
    await this.chats.leave(socket, payload.chatId);
    ack?.({ ok: true });
  }

  /** Read marker: stored, then the chat's other sockets (on every node) receive `chat:read`. */
  @SubscribeMessage('chat:read')
  async readChat(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseReadPayload(body);
    if (!payload.ok) return ack?.(payload);
    const user = socket.data.user;
    const readSeq = user ? await this.chats.markRead(user.id, payload.chatId, payload.seq) : null;
    if (readSeq === null || !user) return ack?.({ ok: false, code: 'NOT_FOUND', message: 'chat not found' });
    socket.to(rooms.chat(payload.chatId)).emit('chat:read', { chatId: payload.chatId, userId: user.id, seq: readSeq });
    ack?.({ ok: true });
  }

  /** A typing hint to the other participant's sockets (not stored); only after `chat:join`. */
  @SubscribeMessage('chat:typing')
  typing(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseChatPayload(body);
    if (!payload.ok) return ack?.(payload);
    const user = socket.data.user;
    if (!user || !socket.rooms.has(rooms.chat(payload.chatId))) return ack?.({ ok: false, code: 'NOT_FOUND', message: 'join the chat first' });
    socket.to(rooms.chat(payload.chatId)).emit('chat:typing', { chatId: payload.chatId, userId: user.id });
    ack?.({ ok: true });
  }

  /** Enters a session room (its two participants, while open): ack `{ok, peers}`; the other side gets `room:peer`. */
  @SubscribeMessage('room:join')
  async joinRoom(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: RoomJoinAck) => void) {
    const payload = parseRoomPayload(body);
    if (!payload.ok) return ack?.(payload);
    ack?.(await this.sessionRooms.join(socket, payload.roomId));
  }

  @SubscribeMessage('room:leave')
  async leaveRoom(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseRoomPayload(body);
    if (!payload.ok) return ack?.(payload);
    ack?.(await this.sessionRooms.leave(socket, payload.roomId));
  }

  /** WebRTC signalling, relayed as is to the other participant only (across gateway nodes). */
  @SubscribeMessage('room:signal')
  signalRoom(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseRoomSignalPayload(body);
    if (!payload.ok) return ack?.(payload);
    ack?.(this.sessionRooms.signal(socket, payload.roomId, payload.data));
  }

  /** A new access token for this socket, so that its private events go on past the old one's expiry. */
  @SubscribeMessage('auth:refresh')
  async refreshAuth(@ConnectedSocket() socket: FairSocket, @MessageBody() body: unknown, @Ack() ack?: (reply: SimpleAck) => void) {
    const payload = parseTokenPayload(body);
    if (!payload.ok) return ack?.(payload);
    ack?.(await this.sessions.refresh(socket, payload.token));
  }

  private onSignal(signal: RealtimeSignal) {
    if (signal.kind === 'feed') {
      this.relay.signalled(signal.fairId, signal.lastEventId);
    } else if (signal.kind === 'notification') {
      // Every node receives the signal; each delivers to its own sockets only, in order and once.
      this.notifications.signalled(signal.userId, signal.event);
    } else if (signal.kind === 'kpis') {
      this.namespace.local.to(rooms.fairOrganizers(signal.update.fairId)).emit('kpi:update', signal.update);
    } else if (signal.kind === 'chat') {
      this.chats.signalled(signal.chatId, signal.message);
    } else if (signal.kind === 'user') {
      // Every node receives it; each hands it to the user's sockets on it.
      this.emitToUser(signal.userId, signal);
    } else if (signal.kind === 'sessions.revoked') {
      this.sessions.sessionsRevoked(signal.userId, signal.sessionIds);
    }
  }

  private emitToUser(userId: string, push: UserPush): void {
    const to = this.namespace.local.to(rooms.user(userId));
    if (push.event === 'queue:update') to.emit('queue:update', push.data);
    else if (push.event === 'chat:started') to.emit('chat:started', push.data);
    else if (push.event === 'chat:time_warning') to.emit('chat:time_warning', push.data);
    else to.emit('chat:ended', push.data);
  }
}
