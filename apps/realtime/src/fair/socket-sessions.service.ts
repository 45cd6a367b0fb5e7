import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AuthenticatedUser, SessionRevocations, TokenService } from '@bisang/auth';
import { AppConfig } from '@bisang/config';
import { rooms } from '@bisang/realtime';
import { SOCKET_ERROR_CODES, SimpleAck } from '@bisang/contracts';
import type { SocketAuthenticator, SocketSession } from '../socket-auth';
import { FairAccess } from './fair-access.service';
import type { FairNamespace, FairSocket } from './fair-socket';

/** setTimeout's longest delay; a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What this node heard of ended sessions of one user, kept as long as tokens issued before may live. */
interface Revoked {
  /** Every session ended at this instant (ms): tokens issued in that second or before are refused. */
  allAt?: number;
  sessionIds: Set<string>;
  keepUntil: number;
}

/**
 * A signed-in socket's private access (its user room, organizers' KPI rooms) lasts as long as its access
 * token and its session. When the token expires, or its session ends (`sessions.revoked`), the socket
 * leaves those rooms and is told so (`auth:expired`); it goes on as a visitor, its public feed and booth
 * presence untouched, until it sends `auth:refresh` with a new token. Demoting rather than disconnecting
 * keeps the page live with no reconnect and replay, and a reconnect would not help anyway: the same access
 * token is still a valid JWT until it expires, which is why this node also remembers ended sessions and
 * refuses their tokens at the handshake and on `auth:refresh`.
 */
@Injectable()
export class SocketSessions implements SocketAuthenticator, OnModuleDestroy {
  private readonly logger = new Logger(SocketSessions.name);
  private readonly expiries = new Map<string, NodeJS.Timeout>();
  private readonly revoked = new Map<string, Revoked>();
  private namespace?: FairNamespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    private readonly config: AppConfig,
    private readonly access: FairAccess,
  ) {}

  start(namespace: FairNamespace): void {
    this.namespace = namespace;
  }

  onModuleDestroy(): void {
    for (const timer of this.expiries.values()) clearTimeout(timer);
    this.expiries.clear();
  }

  async authenticate(token: string): Promise<{ user: AuthenticatedUser; session: SocketSession } | null> {
    const raw = token.replace(/^Bearer\s+/i, '');
    const user = await this.tokens.verifyAccess(raw);
    if (!user) return null;
    // The signature is verified: the claims can be read as they are.
    const claims = readClaims(raw);
    const sessionId = (user as AuthenticatedUser & { sessionId?: string }).sessionId ?? (typeof claims.sid === 'string' ? claims.sid : undefined);
    const session: SocketSession = {
      expiresAt: (claims.exp ?? Date.now() / 1000 + this.config.accessTtlSeconds) * 1000,
      issuedAt: (claims.iat ?? 0) * 1000,
      sessionId,
    };
    if (this.isRevoked(user.id, session)) return null;
    // The cluster-wide record (Redis) of ended sessions: this node may have started after the signal.
    if (sessionId && (await this.revocations.isRevoked(sessionId))) return null;
    return { user, session };
  }

  /** A socket that connected with a token: its user room now, and the end of its access at the token's expiry. */
  admit(socket: FairSocket): void {
    const user = socket.data.user;
    if (!user) return;
    void socket.join(rooms.user(user.id));
    this.armExpiry(socket);
  }

  /** `auth:refresh`: a new access token for this socket (the same user or, after a sign-in, another one). */
  async refresh(socket: FairSocket, token: string): Promise<SimpleAck> {
    const proven = await this.authenticate(token);
    if (!proven) return { ok: false, code: SOCKET_ERROR_CODES.unauthorized, message: '다시 로그인하세요 / Sign in again: the token is invalid or expired' };
    if (!socket.connected) return { ok: true };
    const before = socket.data.user;
    if (before && before.id !== proven.user.id) this.leavePrivateRooms(socket);
    // Another user's notification cursor means nothing for this one: their notifications start from now (or me:join).
    if (before?.id !== proven.user.id) socket.data.lastNotificationId = undefined;
    socket.data.user = proven.user;
    socket.data.session = proven.session;
    await socket.join(rooms.user(proven.user.id));
    // An organizer regains the KPI rooms of the fairs the socket follows (joined while it was signed in, or since).
    if (this.access.seesKpis(proven.user)) {
      for (const room of socket.rooms) {
        const fairId = rooms.fairOf(room);
        if (fairId) await socket.join(rooms.fairOrganizers(fairId));
      }
    }
    this.armExpiry(socket);
    return { ok: true };
  }

  /** The socket went away. */
  forget(socket: FairSocket): void {
    const timer = this.expiries.get(socket.id);
    if (timer) clearTimeout(timer);
    this.expiries.delete(socket.id);
  }

  /** `sessions.revoked` from the API (every node hears it): this node's matching sockets lose their private access. */
  sessionsRevoked(userId: string, sessionIds: string[] | null): void {
    this.remember(userId, sessionIds);
    const ids = this.namespace?.adapter.rooms.get(rooms.user(userId));
    for (const id of [...(ids ?? [])]) {
      const socket = this.namespace!.sockets.get(id);
      if (!socket || socket.data.user?.id !== userId) continue;
      const sessionId = socket.data.session?.sessionId;
      if (sessionIds === null || (sessionId !== undefined && sessionIds.includes(sessionId))) this.demote(socket, 'revoked');
    }
  }

  private armExpiry(socket: FairSocket): void {
    this.forget(socket);
    const expiresAt = socket.data.session?.expiresAt;
    if (expiresAt === undefined) return;
    const timer = setTimeout(() => {
      this.expiries.delete(socket.id);
      if (Date.now() < expiresAt) return this.armExpiry(socket); // a far expiry, re-armed in steps
      this.demote(socket, 'expired');
    }, Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS));
    timer.unref();
    this.expiries.set(socket.id, timer);
  }

  private demote(socket: FairSocket, reason: 'expired' | 'revoked'): void {
    this.forget(socket);
    if (!socket.data.user) return;
    this.leavePrivateRooms(socket);
    socket.data.user = undefined;
    socket.data.session = undefined;
    socket.emit('auth:expired', { reason });
    this.logger.log(`socket ${socket.id} lost its private events: token ${reason}`);
  }

  private leavePrivateRooms(socket: FairSocket): void {
    for (const room of [...socket.rooms]) if (rooms.isPrivate(room)) void socket.leave(room);
  }

  private isRevoked(userId: string, session: SocketSession): boolean {
    const entry = this.revoked.get(userId);
    if (!entry || entry.keepUntil < Date.now()) return false;
    if (entry.allAt !== undefined && session.issuedAt <= entry.allAt) return true;
    return session.sessionId !== undefined && entry.sessionIds.has(session.sessionId);
  }

  private remember(userId: string, sessionIds: string[] | null): void {
    const now = Date.now();
    for (const [id, entry] of this.revoked) if (entry.keepUntil < now) this.revoked.delete(id);
    const entry = this.revoked.get(userId) ?? { sessionIds: new Set<string>(), keepUntil: 0 };
    // Tokens live at most accessTtlSeconds: past that, none issued before the revocation is left to refuse.
    entry.keepUntil = now + this.config.accessTtlSeconds * 1000;
    if (sessionIds === null) entry.allAt = now;
    else for (const id of sessionIds) entry.sessionIds.add(id);
    this.revoked.set(userId, entry);
  }
}

function readClaims(token: string): { exp?: number; iat?: number; sid?: unknown } {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    return {
      exp: typeof claims.exp === 'number' ? claims.exp : undefined,
      iat: typeof claims.iat === 'number' ? claims.iat : undefined,
      sid: claims.sid,
    };
  } catch {
    return {};
  }
}
