import type { Socket } from 'socket.io';
import type { AuthenticatedUser } from '@bisang/auth';

/** What an access token proved about a socket, and until when. */
export interface SocketSession {
  /** When the token expires (ms since the epoch): the socket's private access ends then, unless it re-authenticates. */
  expiresAt: number;
  /** When the token was issued (ms, whole seconds as JWT has them). */
  issuedAt: number;
  /** The sign-in session the token belongs to (its `sid` claim), when it carries one. */
  sessionId?: string;
}

export interface SocketData {
  user?: AuthenticatedUser;
  session?: SocketSession;
  /** The id of the last notification this socket was sent (see NotificationRelay). */
  lastNotificationId?: number;
  /** Per joined chat, the last message seq this socket was sent (see ChatRelay). */
  chatSeqs?: Record<string, number>;
}

export interface SocketAuthenticator {
  /** The user and session a token proves, or null when it is invalid, expired or of an ended session. */
  authenticate(token: string): Promise<{ user: AuthenticatedUser; session: SocketSession } | null>;
}

/**
 * socket.io middleware: a handshake token is optional (visitors follow public feeds),
 * but an invalid one is refused with connect_error "unauthorized".
 */
export function socketAuth(auth: SocketAuthenticator) {
  return async (socket: Socket, next: (err?: Error) => void) => {
    const token: unknown = socket.handshake.auth?.token;
    if (token === undefined || token === null || token === '') return next();
    if (typeof token !== 'string') return next(new Error('unauthorized'));
    const proven = await auth.authenticate(token);
    if (!proven) return next(new Error('unauthorized'));
    (socket.data as SocketData).user = proven.user;
    (socket.data as SocketData).session = proven.session;
    next();
  };
}
