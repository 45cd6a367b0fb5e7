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
import { SessionRevocations, TokenService } from '@bisang/auth';
import { FAIR_NAMESPACE, JoinAck, RealtimeSignal, SimpleAck, rooms } from '@bisang/realtime';
import { socketAuth } from '../socket-auth';
import { BoothPresenceService } from './booth-presence.service';
import { FairAccess } from './fair-access.service';
import type { FairNamespace, FairSocket } from './fair-socket';
import { FeedRelay } from './feed-relay.service';
import { RealtimeSignals } from './realtime-signals.service';
import { parseBoothPayload, parseJoinPayload } from './socket-payloads';

export type { FairNamespace, FairSocket } from './fair-socket';

@WebSocketGateway({ namespace: FAIR_NAMESPACE })
export class FairGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer()
  private readonly namespace: FairNamespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    private readonly signals: RealtimeSignals,
    private readonly relay: FeedRelay,
    private readonly presence: BoothPresenceService,
    private readonly access: FairAccess,
  ) {}

  async afterInit(namespace: FairNamespace) {
    namespace.use(socketAuth(this.tokens, this.revocations));
    this.relay.start(namespace);
    this.presence.start(namespace);
    await this.signals.start((signal) => this.onSignal(signal));
  }

  handleConnection(socket: FairSocket) {
    const user = socket.data.user;
    if (user) void socket.join(rooms.user(user.id));
  }

  async handleDisconnect(socket: FairSocket) {
    await this.presence.disconnected(socket.id);
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

  private onSignal(signal: RealtimeSignal) {
    if (signal.kind === 'feed') {
      this.relay.signalled(signal.fairId, signal.lastEventId);
    } else if (signal.kind === 'notification') {
      // Every node receives the signal; each delivers to its own sockets only.
      this.namespace.local.to(rooms.user(signal.userId)).emit('notification', signal.event);
    } else if (signal.kind === 'kpis') {
      this.namespace.local.to(rooms.fairOrganizers(signal.update.fairId)).emit('kpi:update', signal.update);
    } else if (signal.kind === 'sessions.revoked') {
      this.dropSessions(signal.userId, signal.sessionIds);
    }
  }

  /** Signed out (one session, or all when sessionIds is null): that user's sockets on this node go. */
  private dropSessions(userId: string, sessionIds: string[] | null) {
    for (const socketId of [...(this.namespace.adapter.rooms.get(rooms.user(userId)) ?? [])]) {
      const socket = this.namespace.sockets.get(socketId);
      const user = socket?.data.user;
      if (!socket || user?.id !== userId) continue;
      if (sessionIds === null || (user.sessionId !== undefined && sessionIds.includes(user.sessionId))) socket.disconnect(true);
    }
  }
}
