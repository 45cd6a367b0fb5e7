import type { Socket } from 'socket.io';
import type { AuthenticatedUser, TokenService } from '@bisang/auth';

export interface SocketData {
  user?: AuthenticatedUser;
  /** The id of the last notification this socket was sent (see NotificationRelay). */
  lastNotificationId?: number;
}

/**
 * socket.io middleware: a handshake token is optional (visitors follow public feeds),
 * but an invalid one is refused with connect_error "unauthorized".
 */
export function socketAuth(tokens: TokenService) {
  return async (socket: Socket, next: (err?: Error) => void) => {
    const token: unknown = socket.handshake.auth?.token;
    if (token === undefined || token === null || token === '') return next();
    if (typeof token !== 'string') return next(new Error('unauthorized'));
    const user = await tokens.verifyAccess(token.replace(/^Bearer\s+/i, ''));
    if (!user) return next(new Error('unauthorized'));
    (socket.data as SocketData).user = user;
    next();
  };
}
