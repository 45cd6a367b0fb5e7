import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { FairKpis } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { REDIS } from '@bisang/common';
import { NotificationsRepository } from '@bisang/database';
import { NotificationEvent, NotificationType, RealtimeSignal } from './events';
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
    private readonly notifications: NotificationsRepository,
  ) {}

  /** Call after the transaction that wrote the fair's events has committed. */
  async feedAdvanced(fairId: string, lastEventId: number): Promise<void> {
    await this.signal({ kind: 'feed', fairId, lastEventId });
  }

  /**
   * Stores the notification in the user's inbox (GET /me/notifications), then pushes it, with the same id,
   * to the user's sockets. A user who was offline finds it in the inbox; storing fails loudly, pushing never does.
   */
  async notifyUser(userId: string, type: NotificationType, data: Record<string, unknown>): Promise<NotificationEvent> {
    const stored = await this.notifications.record(userId, type, data);
    const event: NotificationEvent = { id: stored.id, type, at: stored.createdAt.toISOString(), data: stored.data };
    await this.signal({ kind: 'notification', userId, event });
    return event;
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
