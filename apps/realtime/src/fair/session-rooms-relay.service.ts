import { clock } from '@bisang/common';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ROOM_SIGNAL_MAX_BYTES, RoomJoinAck, SOCKET_ERROR_CODES, SimpleAck } from '@bisang/contracts';
import { SessionRoomsRepository } from '@bisang/database';
import { rooms } from '@bisang/realtime';
import type { FairNamespace, FairSocket } from './fair-socket';

/** What this node knows of a socket in a session room: who entered, and who is on the other side. */
interface Membership {
  userId: string;
  peerId: string;
}

/** An attendance row must be at least this much older than a "nobody there" answer to be closed as stale. */
const STALE_MARGIN_MS = 5000;

const notFound = { ok: false, code: SOCKET_ERROR_CODES.notFound, message: '세션 방을 찾을 수 없습니다 / Session room not found' } as const;

/**
 * The signalling side of session rooms (1:1 WebRTC). A participant's sockets join their own socket.io room
 * (`rooms.sessionRoomMember`), so whatever is meant for them — the other side's presence and signals — is emitted
 * there through the Redis adapter and reaches them on any gateway node, and nobody else. Attendance (entries and
 * exits, with their domain events) is written to PostgreSQL.
 */
@Injectable()
export class SessionRoomsRelay implements OnModuleDestroy {
  private readonly logger = new Logger(SessionRoomsRelay.name);
  private namespace?: FairNamespace;
  /** This node's sockets in session rooms: socket id → room id → membership. */
  private readonly members = new Map<string, Map<string, Membership>>();

  constructor(private readonly repo: SessionRoomsRepository) {}

  /** Set when the process shuts down: the Redis adapter is about to close, so departures are no longer told. */
  private closing = false;

  start(namespace: FairNamespace): void {
    this.namespace = namespace;
  }

  onModuleDestroy(): void {
    this.closing = true;
  }

  /**
   * Enters a room: its participants only (NOT_FOUND to anyone else), in its window (ROOM_NOT_OPEN with `opensAt`).
   * The other side is told (`room:peer` present) and the ack lists who is already there.
   */
  async join(socket: FairSocket, roomId: string, now = clock.now()): Promise<RoomJoinAck> {
    const user = socket.data.user;
    if (!user) return { ok: false, code: SOCKET_ERROR_CODES.unauthorized, message: '로그인이 필요합니다 / Sign in to enter a room' };
    const room = await this.repo.findById(roomId);
    if (!room || (room.hostId !== user.id && room.guestId !== user.id) || !SessionRoomsRepository.isEnterable(room)) return notFound;
    if (now < room.opensAt || now > room.closesAt) {
      return {
        ok: false,
        code: SOCKET_ERROR_CODES.roomNotOpen,
        message: '세션 방이 열려 있지 않습니다 / The room is not open',
        opensAt: room.opensAt.toISOString(),
        closesAt: room.closesAt.toISOString(),
      };
    }
    const peerId = room.hostId === user.id ? room.guestId : room.hostId;
    await socket.join(rooms.sessionRoomMember(roomId, user.id));
    const mine = this.members.get(socket.id) ?? new Map<string, Membership>();
    mine.set(roomId, { userId: user.id, peerId });
    this.members.set(socket.id, mine);
    if (!socket.connected) {
      // Disconnected while we were checking: its departure has already run, so nothing is recorded.
      this.forgetSocket(socket.id);
      return notFound;
    }
    await this.repo.recordJoin(roomId, user.id, socket.id, now);
    if (!socket.connected && this.members.has(socket.id)) {
      // It disconnected while its entry was being written, and its departure found nothing yet to close.
      await this.disconnected(socket.id, now);
      return notFound;
    }
    // Every entry (a reload too) is told, so that the other side starts a fresh connection to this one.
    this.ns().to(rooms.sessionRoomMember(roomId, peerId)).emit('room:peer', { roomId, userId: user.id, present: true });
    return { ok: true, roomId, peers: (await this.peerThere(roomId, peerId, now)) ? [peerId] : [] };
  }

  /**
   * Whether the other participant has a socket in the room on any gateway node. When attendance says they are
   * there but no node holds a socket of theirs, a node died under them: their rows are closed. When a node does
   * not answer in time, attendance alone decides.
   */
  private async peerThere(roomId: string, peerId: string, now: Date): Promise<boolean> {
    let sockets: number;
    const askedAt = clock.nowMs();
    try {
      sockets = (await this.ns().in(rooms.sessionRoomMember(roomId, peerId)).fetchSockets()).length;
    } catch {
      return this.repo.isPresent(roomId, peerId);
    }
    // Only rows older than the question: a socket entering on another node right now has its row already and
    // may not have been in the room yet when the nodes answered.
    if (sockets === 0) await this.repo.closeStale(roomId, peerId, new Date(askedAt - STALE_MARGIN_MS), now);
    return sockets > 0;
  }

  async leave(socket: FairSocket, roomId: string, now = clock.now()): Promise<SimpleAck> {
    const membership = this.members.get(socket.id)?.get(roomId);
    if (!membership) return notFound;
    this.members.get(socket.id)!.delete(roomId);
    await socket.leave(rooms.sessionRoomMember(roomId, membership.userId));
    await this.departed(socket.id, roomId, membership, now);
    return { ok: true };
  }

  /** Relays a signalling message, as is, to the other participant's sockets only (any gateway node). */
  signal(socket: FairSocket, roomId: string, data: unknown): SimpleAck {
    const membership = this.members.get(socket.id)?.get(roomId);
    if (!membership) return notFound;
    const size = Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
    if (size > ROOM_SIGNAL_MAX_BYTES) {
      return { ok: false, code: SOCKET_ERROR_CODES.payloadTooLarge, message: `signal data over ${ROOM_SIGNAL_MAX_BYTES} bytes` };
    }
    this.ns().to(rooms.sessionRoomMember(roomId, membership.peerId)).emit('room:signal', { roomId, from: membership.userId, data });
    return { ok: true };
  }

  /** A socket went away: it leaves every room it was in, and its user's departure is recorded and told. */
  async disconnected(socketId: string, now = clock.now()): Promise<void> {
    const mine = this.forgetSocket(socketId);
    for (const [roomId, membership] of mine) {
      await this.departed(socketId, roomId, membership, now).catch((err: unknown) =>
        this.logger.error({ msg: 'room departure not recorded', roomId, err: err instanceof Error ? err.message : String(err) }),
      );
    }
  }

  private async departed(socketId: string, roomId: string, membership: Membership, now: Date): Promise<void> {
    const left = await this.repo.recordLeave(roomId, socketId, now);
    if (left.outcome === 'left' && left.lastOfUser && !this.closing) {
      this.ns().to(rooms.sessionRoomMember(roomId, membership.peerId)).emit('room:peer', { roomId, userId: membership.userId, present: false });
    }
  }

  private forgetSocket(socketId: string): Map<string, Membership> {
    const mine = this.members.get(socketId) ?? new Map<string, Membership>();
    this.members.delete(socketId);
    return mine;
  }

  private ns(): FairNamespace {
    if (!this.namespace) throw new Error('SessionRoomsRelay used before the gateway started');
    return this.namespace;
  }
}
