import type { Socket } from 'socket.io';
import type { AuthenticatedUser, SessionRevocations, TokenService } from '@bisang/auth';

export interface SocketData {
  user?: AuthenticatedUser;
}

/**
 * socket.io middleware: a handshake token is optional (visitors follow public feeds),
 * but an invalid one is refused with connect_error "unauthorized".
 */
export function socketAuth(tokens: TokenService, revocations: SessionRevocations) {
  return async (socket: Socket, next: (err?: Error) => void) => {
    const token: unknown = socket.handshake.auth?.token;
    if (token === undefined || token === null || token === '') return next();
    if (typeof token !== 'string') return next(new Error('unauthorized'));
    const user = await tokens.verifyAccess(token.replace(/^Bearer\s+/i, ''));
    if (!user) return next(new Error('unauthorized'));
    if (user.sessionId && (await revocations.isRevoked(user.sessionId))) return next(new Error('unauthorized'));
    (socket.data as SocketData).user = user;
    next();
  };
}
