import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import type { ChatMessage } from '@bisang/contracts';
import { CHAT_MESSAGES_COMMITTED, OUTBOX_COMMITTED, outboxCommits } from '@bisang/database';
import type { RealtimeSignal } from '@bisang/realtime';
import { channels } from '@bisang/realtime';

/**
 * Tells every worker's relay, through Redis, which types of domain events this process just committed, so
 * their subscribers look at once instead of at the next poll. Only a wake-up: a lost one delays, never loses.
 * A committed chat message goes to the gateways with its payload (a `chat` signal), so that they need not read it
 * back; a lost one is found by their catch-up poll.
 */
@Injectable()
export class OutboxHints implements OnModuleInit, OnApplicationShutdown {
  private readonly publish = (types: string[]) => {
    this.redis.publish(channels.outbox(this.config.redisPrefix), types.join(',')).catch(() => undefined);
  };

  private readonly publishChat = (messages: ChatMessage[]) => {
    const channel = channels.signals(this.config.redisPrefix);
    for (const message of messages) {
      const signal: RealtimeSignal = { kind: 'chat', chatId: message.chatId, message };
      this.redis.publish(channel, JSON.stringify(signal)).catch(() => undefined);
    }
  };

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    outboxCommits.on(OUTBOX_COMMITTED, this.publish);
    outboxCommits.on(CHAT_MESSAGES_COMMITTED, this.publishChat);
  }

  onApplicationShutdown(): void {
    outboxCommits.off(OUTBOX_COMMITTED, this.publish);
    outboxCommits.off(CHAT_MESSAGES_COMMITTED, this.publishChat);
  }
}
