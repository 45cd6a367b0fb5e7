import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@bisang/common';
import { AppConfig } from '@bisang/config';

/**
 * Revoked sessions, as the access-token check sees them. An access token names its session (`sid`); once the
 * session is revoked its access tokens are refused at once, on every node, instead of living out their TTL.
 * An entry only needs to outlive the access tokens signed before the revocation, so it expires with them.
 */
@Injectable()
export class SessionRevocations {
  private readonly logger = new Logger(SessionRevocations.name);

  constructor(
    // Optional: the CLI creates accounts without Redis, and never checks or revokes a session.
    @Optional() @Inject(REDIS) private readonly redis: Redis | undefined,
    private readonly config: AppConfig,
  ) {}

  private key(sessionId: string) {
    return `${this.config.redisPrefix}:session-revoked:${sessionId}`;
  }

  async revoke(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0 || !this.redis) return;
    const ttl = this.config.accessTtlSeconds + 60;
    const batch = this.redis.multi();
    for (const id of sessionIds) batch.set(this.key(id), '1', 'EX', ttl);
    await batch.exec();
  }

  /**
   * True when the session was revoked. Without Redis the answer is "not revoked": the refresh tokens are revoked in
   * PostgreSQL regardless, so the session still ends when its access token expires (JWT_ACCESS_TTL_SECONDS).
   */
  async isRevoked(sessionId: string): Promise<boolean> {
    if (!this.redis) return false;
    try {
      return (await this.redis.exists(this.key(sessionId))) === 1;
    } catch (err) {
      this.logger.warn(`session revocation not checked: ${(err as Error).message}`);
      return false;
    }
  }
}
