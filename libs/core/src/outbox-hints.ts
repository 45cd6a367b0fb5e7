import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { OUTBOX_COMMITTED, outboxCommits } from '@bisang/database';
import { channels } from '@bisang/realtime';

/**
 * Tells every worker's relay, through Redis, which types of domain events this process just committed, so
 * their subscribers look at once instead of at the next poll. Only a wake-up: a lost one delays, never loses.
 */
@Injectable()
export class OutboxHints implements OnModuleInit, OnApplicationShutdown {
  private readonly publish = (types: string[]) => {
    this.redis.publish(channels.outbox(this.config.redisPrefix), types.join(',')).catch(() => undefined);
  };

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    outboxCommits.on(OUTBOX_COMMITTED, this.publish);
  }

  onApplicationShutdown(): void {
    outboxCommits.off(OUTBOX_COMMITTED, this.publish);
  }
}
