import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@bisang/config';
import { USER_ROLES, UserRole } from '@bisang/database';
import { AuthenticatedUser } from './authenticated-user';

interface AccessClaims {
  sub: string;
  role: UserRole;
  typ: 'access';
}

export interface OpaqueRefreshToken {
  id: string;
  secretHash: string;
  token: string;
}

/** Signs and checks access tokens (HS256 JWT) and mints opaque refresh tokens `<id>.<secret>`. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  signAccess(user: AuthenticatedUser): Promise<string> {
    const claims: AccessClaims = { sub: user.id, role: user.role, typ: 'access' };
    // signed and checked with the module's key (AuthCoreModule)
    return this.jwt.signAsync(claims, {
      expiresIn: this.config.accessTtlSeconds,
      algorithm: 'HS256',
    });
  }

  /** The user an access token proves, or null when it is invalid, expired or of another kind. */
  async verifyAccess(token: string): Promise<AuthenticatedUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: ['HS256'],
      });
      if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !USER_ROLES.includes(claims.role)) return null;
      return { id: claims.sub, role: claims.role };
    } catch {
      return null;
    }
  }

  mintRefresh(): OpaqueRefreshToken {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
  }

  /** Splits a presented refresh token; null when it is not of our shape. */
  parseRefresh(token: string): { id: string; secretHash: string } | null {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    return { id: match[1], secretHash: hashSecret(match[2]) };
  }
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
