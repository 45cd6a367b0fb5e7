import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { clock } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { BoothQueueRepository } from '@bisang/database';
import { rooms } from '@bisang/realtime';
import type { FairNamespace, FairSocket } from './fair-socket';

/**
 * A queued seeker's connection, for booth chat's grace period: when the last socket of a seeker (on any node) goes
 * away, their waiting entries are marked away (take-next skips them, they keep their place) and are abandoned by the
 * worker once the grace period is over; a socket of theirs that connects again within it brings them back.
 */
@Injectable()
export class SeekerPresenceService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SeekerPresenceService.name);
  private namespace?: FairNamespace;
  /** Set when this node shuts down: its sockets close because it does, not because their seekers left. */
  private closing = false;

  constructor(
    private readonly queue: BoothQueueRepository,
    private readonly config: AppConfig,
  ) {}

  start(namespace: FairNamespace): void {
    this.namespace = namespace;
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  async connected(socket: FairSocket): Promise<void> {
    const user = socket.data.user;
    if (user?.role !== 'seeker') return;
    try {
      await this.queue.markBack(user.id);
    } catch (err) {
      this.logger.warn(`queue back: ${(err as Error).message}`);
    }
  }

  async disconnected(socket: FairSocket): Promise<void> {
    const user = socket.data.user;
    if (user?.role !== 'seeker' || !this.namespace || this.closing) return;
    try {
      // Their other sockets, on every node (the disconnected one has left its rooms already).
      const others = await this.namespace.in(rooms.user(user.id)).fetchSockets();
      if (others.length > 0) return;
      await this.queue.markAway(user.id, clock.now(), this.config.chatQueueGraceMs);
    } catch (err) {
      // Not marked away: the seeker keeps their place as before (nothing is lost, only the grace is not counted).
      this.logger.warn(`queue away: ${(err as Error).message}`);
    }
  }
}
