import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { TokenService } from '@bisang/auth';
import { ClientToServerEvents, FAIR_NAMESPACE, RealtimeSignal, ServerToClientEvents, rooms } from '@bisang/realtime';
import { RealtimeSignals } from './realtime-signals.service';
import { SocketData, socketAuth } from '../socket-auth';

export type FairSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type FairNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

@WebSocketGateway({ namespace: FAIR_NAMESPACE })
export class FairGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(FairGateway.name);

  @WebSocketServer()
  private readonly namespace: FairNamespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly signals: RealtimeSignals,
  ) {}

  async afterInit(namespace: FairNamespace) {
    namespace.use(socketAuth(this.tokens));
    await this.signals.start((signal) => this.onSignal(signal));
  }

  handleConnection(socket: FairSocket) {
    const user = socket.data.user;
    if (user) void socket.join(rooms.user(user.id));
  }

  private onSignal(signal: RealtimeSignal) {
    if (signal.kind === 'notification') {
      // Every node receives the signal; each delivers to its own sockets only.
      this.namespace.local.to(rooms.user(signal.userId)).emit('notification', signal.event);
    }
  }
}
