import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@bisang/common';
import type { UserRole } from '@bisang/database';
import { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC, ROLES } from './decorators';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

const unauthenticated = () =>
  new DomainError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', '로그인이 필요합니다 / Sign in first');
const invalidToken = () =>
  new DomainError(HttpStatus.UNAUTHORIZED, 'INVALID_TOKEN', '인증 토큰이 유효하지 않거나 만료되었습니다 / The access token is invalid or expired');

/**
 * Global guard: reads the bearer token, then applies @Public() and @Roles().
 * A token that is present but invalid is refused even on public routes, so a client notices it expired.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match ? await this.tokens.verifyAccess(match[1]) : null;
      if (!user) throw invalidToken();
      // Signed out, signed out everywhere, password changed or refresh token replayed: the session is over.
      if (user.sessionId && (await this.revocations.isRevoked(user.sessionId))) throw invalidToken();
      request.user = user;
    }
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (!request.user) {
      if (isPublic) return true;
      throw unauthenticated();
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN_ROLE',
        `이 작업은 ${roles.join(', ')} 역할만 할 수 있습니다 / Only ${roles.join(', ')} may do this`,
      );
    }
    return true;
  }
}
