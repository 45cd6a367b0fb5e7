import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type Redis from 'ioredis';
import { DomainError, REDIS } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { AuthenticatedUser } from './authenticated-user';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Every per-user write limit, by name: how many writes a user may make per window. One place to read and tune them. */
export const WRITE_LIMITS = {
  /** Coaching and interview booking requests (each queued request counts, whatever its outcome). */
  bookings: { limit: 10, windowSeconds: 60 },
  /** Applications to postings. */
  applications: { limit: 20, windowSeconds: 600 },
  /** Postings created or edited. */
  postings: { limit: 30, windowSeconds: 600 },
  /** Chat messages (booth chat). */
  messages: { limit: 30, windowSeconds: 60 },
  /** Company invitations sent. */
  invitations: { limit: 20, windowSeconds: 3600 },
  /** Talent-pool invitations and centre introductions sent (the per-company daily limit is the fair's, in the database). */
  poolInvitations: { limit: 60, windowSeconds: 3600 },
} as const satisfies Record<string, { limit: number; windowSeconds: number }>;
export type WriteLimitName = keyof typeof WRITE_LIMITS;

const WRITE_LIMIT = 'bisang:write-limit';

export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError(
    HttpStatus.TOO_MANY_REQUESTS,
    'RATE_LIMITED',
    `요청이 너무 많습니다. ${retryAfterSeconds}초 후에 다시 시도하세요 / Too many requests; try again in ${retryAfterSeconds} s`,
  );

/**
 * Counts the signed-in caller's writes under a named limit (a fixed window in Redis, shared by every node) and
 * refuses the write beyond it with 429 RATE_LIMITED and Retry-After, before the handler runs: a refused write
 * records nothing. RATE_LIMITS=off turns every limit off.
 */
@Injectable()
export class WriteLimitGuard implements CanActivate {
  private readonly storage: RedisThrottlerStorage;

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.storage = new RedisThrottlerStorage(redis, config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.rateLimitsEnabled || context.getType() !== 'http') return true;
    const name = this.reflector.get<WriteLimitName | undefined>(WRITE_LIMIT, context.getHandler());
    const http = context.switchToHttp();
    const user = http.getRequest<{ user?: AuthenticatedUser }>().user;
    if (!name || !user) return true;
    const { limit, windowSeconds } = WRITE_LIMITS[name];
    const counted = await this.storage.increment(user.id, windowSeconds * 1000, limit, 0, `write:${name}`);
    if (!counted.isBlocked) return true;
    const retryAfter = Math.max(1, counted.timeToBlockExpire);
    http.getResponse<{ header(name: string, value: string): unknown }>().header('Retry-After', String(retryAfter));
    throw rateLimited(retryAfter);
  }
}

/** The route is a write counted under the named per-user limit (429 RATE_LIMITED with Retry-After beyond it). */
export const WriteLimit = (name: WriteLimitName) =>
  applyDecorators(
    SetMetadata(WRITE_LIMIT, name),
    UseGuards(WriteLimitGuard),
    ApiTooManyRequestsResponse({
      description: `RATE_LIMITED, with Retry-After: at most ${WRITE_LIMITS[name].limit} per ${WRITE_LIMITS[name].windowSeconds} s per user (off with RATE_LIMITS=off)`,
    }),
  );
