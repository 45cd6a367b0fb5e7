import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@bisang/config';
import { closeRedis, createRedisConnection } from '@bisang/common';
import { RealtimeSignal, channels } from '@bisang/realtime';

type Handler = (signal: RealtimeSignal) => void;

/** Subscribes this gateway node to the signals the API and the worker publish. */
@Injectable()
export class RealtimeSignals implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimeSignals.name);
  private sub?: Redis;
  private readonly handlers: Handler[] = [];

  constructor(private readonly config: AppConfig) {}

  async start(handler: Handler): Promise<void> {
    this.handlers.push(handler);
    if (this.sub) return;
    const channel = channels.signals(this.config.redisPrefix);
    const outbox = channels.outbox(this.config.redisPrefix);
    this.sub = createRedisConnection(this.config.redisUrl);
    this.sub.on('error', () => undefined);
    this.sub.on('message', (ch: string, message: string) => {
      if (ch === outbox) {
        // A commit hint: `feed:<fairId>` says the fair's feed grew; the gateway reads it from PostgreSQL (and polls).
        // (A chat's messages come on the signals channel, each with its message: OutboxHints.)
        for (const token of message.split(',')) {
          if (token.startsWith('feed:')) this.dispatch({ kind: 'feed', fairId: token.slice(5), lastEventId: Number.MAX_SAFE_INTEGER });
        }
        return;
      }
      if (ch !== channel) return;
      let signal: RealtimeSignal;
      try {
        signal = JSON.parse(message) as RealtimeSignal;
      } catch {
        this.logger.warn('ignored a malformed realtime signal');
        return;
      }
      this.dispatch(signal);
    });
    await this.sub.subscribe(channel, outbox);
  }

  private dispatch(signal: RealtimeSignal): void {
    for (const h of this.handlers) h(signal);
  }

  async onModuleDestroy() {
    if (this.sub) await closeRedis(this.sub);
  }
}
