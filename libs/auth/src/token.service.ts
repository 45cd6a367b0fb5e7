import { KeyObject, createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@bisang/config';
import { USER_ROLES, UserRole } from '@bisang/database';
import { AuthenticatedUser } from './authenticated-user';

interface AccessClaims {
  sub: string;
  role: UserRole;
  typ: 'access';
  /** The session: the refresh-token family the token was issued with, so that revoking it can reach the token. */
  sid: string;
}

/** A browser session of the queue dashboard (a cookie): of its own kind, so it never passes as an access token nor the reverse. */
interface DashboardClaims {
  sub: string;
  role: UserRole;
  typ: 'queue-dashboard';
}

export interface OpaqueRefreshToken {
  id: string;
  secretHash: string;
  token: string;
}

/** Signs and checks access tokens (HS256 JWT) and mints opaque refresh tokens `<id>.<secret>`. */
@Injectable()
export class TokenService {
  private secretKey?: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The HMAC secret as a KeyObject, made once. Given a string, jsonwebtoken first tries to read it as a
   * PEM public key and fails (an exception with a stack) on every verify: about 2 ms of CPU per request.
   */
  private get key(): KeyObject {
    return (this.secretKey ??= createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8')));
  }

  /** jsonwebtoken takes a KeyObject; @nestjs/jwt's verify options are typed for strings and Buffers only. */
  private get verifyKey(): Buffer {
    return this.key as unknown as Buffer;
  }

  signAccess(user: Pick<AuthenticatedUser, 'id' | 'role'>, sessionId: string): Promise<string> {
    const claims: AccessClaims = { sub: user.id, role: user.role, typ: 'access', sid: sessionId };
    return this.jwt.signAsync(claims, { privateKey: this.key, expiresIn: this.config.accessTtlSeconds, algorithm: 'HS256' });
  }

  /** The user an access token proves, or null when it is invalid, expired or of another kind. */
  async verifyAccess(token: string): Promise<AuthenticatedUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { publicKey: this.verifyKey, algorithms: ['HS256'] });
      if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !USER_ROLES.includes(claims.role)) {
        return null;
      }
      return { id: claims.sub, role: claims.role, sessionId: claims.sid };
    } catch {
      return null;
    }
  }

  signDashboardSession(user: AuthenticatedUser, ttlSeconds: number): Promise<string> {
    const claims: DashboardClaims = { sub: user.id, role: user.role, typ: 'queue-dashboard' };
    return this.jwt.signAsync(claims, { privateKey: this.key, expiresIn: ttlSeconds, algorithm: 'HS256' });
  }

  /** The user a queue-dashboard session proves, or null when it is invalid, expired or of another kind. */
  async verifyDashboardSession(token: string): Promise<AuthenticatedUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<DashboardClaims>(token, { publicKey: this.verifyKey, algorithms: ['HS256'] });
      if (claims.typ !== 'queue-dashboard' || typeof claims.sub !== 'string' || !USER_ROLES.includes(claims.role)) return null;
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
