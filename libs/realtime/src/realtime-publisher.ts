import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { FairKpis } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { REDIS } from '@bisang/common';
import type { NotificationRow } from '@bisang/database';
import type { NotificationEvent } from '@bisang/contracts';
import { RealtimeSignal, UserPush } from './events';
import { channels } from './rooms';

/**
 * How the API and the worker reach connected clients, whatever node they are on.
 * Feed signals only say "fair X has events up to N": the gateways read the events from PostgreSQL,
 * so a lost signal delays an event (until the gateways' next poll) but never loses it.
 */
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Call after the transaction that wrote the fair's events has committed. */
  async feedAdvanced(fairId: string, lastEventId: number): Promise<void> {
    await this.signal({ kind: 'feed', fairId, lastEventId });
  }

  /** Pushes stored notifications to their users' sockets, on whatever node they are (same id as in the inbox). */
  async notificationsStored(rows: readonly NotificationRow[]): Promise<void> {
    for (const row of rows) {
      const event = { id: row.id, type: row.type, at: row.createdAt.toISOString(), data: row.data } as NotificationEvent;
      await this.signal({ kind: 'notification', userId: row.userId, event });
    }
  }

  /** Private socket events (booth chat) to users' sockets on every node; a lost one is repaired by the next push or a read. */
  async pushToUsers(pushes: readonly { userId: string; push: UserPush }[]): Promise<void> {
    if (pushes.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      const channel = channels.signals(this.config.redisPrefix);
      for (const { userId, push } of pushes) pipeline.publish(channel, JSON.stringify({ kind: 'user', userId, ...push } satisfies RealtimeSignal));
      await pipeline.exec();
    } catch (err) {
      this.logger.warn(`realtime signals not published: ${(err as Error).message}`);
    }
  }

  private async signal(signal: RealtimeSignal): Promise<void> {
    try {
      await this.redis.publish(channels.signals(this.config.redisPrefix), JSON.stringify(signal));
    } catch (err) {
      // The gateways poll PostgreSQL too; a failed signal only delays delivery.
      this.logger.warn(`realtime signal not published: ${(err as Error).message}`);
    }
  }

  /** Sessions of a user ended: every gateway node disconnects their sockets (sessionIds null: all of the user's). */
  async sessionsRevoked(userId: string, sessionIds: string[] | null): Promise<void> {
    await this.signal({ kind: 'sessions.revoked', userId, sessionIds });
  }

  /** A fair's KPIs changed: every gateway node hands them to the fair's organizers on it. */
  async kpisUpdated(kpis: FairKpis): Promise<void> {
    await this.signal({ kind: 'kpis', update: { fairId: kpis.fairId, kpis } });
  }
}
