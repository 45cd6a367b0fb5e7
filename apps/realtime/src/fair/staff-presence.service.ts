import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { BoothQueueRepository, PRESENCE_HOLD_TTL_SECONDS } from '@bisang/database';
import type { FairSocket } from './fair-socket';

/** How often this node tells PostgreSQL its recruiters' sockets are still there (well within the hold's TTL). */
const REFRESH_MS = Math.floor((PRESENCE_HOLD_TTL_SECONDS * 1000) / 3);

/**
 * Recruiters online for a booth (`booth:online` / `booth:offline`), held in PostgreSQL so that the API checks it
 * under a row lock when they take the next seeker. A socket holds its recruiter's presence while it is connected;
 * its node refreshes the hold, so a node that dies lets its holds lapse within the TTL. An open chat is not touched:
 * it stays open for the seeker.
 */
@Injectable()
export class StaffPresenceService implements OnModuleDestroy {
  private readonly logger = new Logger(StaffPresenceService.name);
  /** socket id → (booth id → recruiter id) of the holds it took on this node. */
  private readonly holds = new Map<string, Map<string, string>>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly queue: BoothQueueRepository) {}

  start(): void {
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async online(socket: FairSocket, boothId: string, recruiterId: string, capacity: number): Promise<void> {
    await this.queue.holdPresence(boothId, recruiterId, socket.id, capacity, 'expiring');
    const mine = this.holds.get(socket.id) ?? new Map<string, string>();
    mine.set(boothId, recruiterId);
    this.holds.set(socket.id, mine);
  }

  /** The recruiter goes offline at the booth: every hold of theirs there goes (their other sockets' too). */
  async offline(socket: FairSocket, boothId: string, recruiterId: string): Promise<void> {
    this.holds.get(socket.id)?.delete(boothId);
    await this.queue.releasePresence(boothId, recruiterId);
  }

  async disconnected(socketId: string): Promise<void> {
    if (!this.holds.delete(socketId)) return;
    try {
      await this.queue.releaseHolder(socketId);
    } catch (err) {
      // PostgreSQL is away: the hold lapses by itself once this node stops refreshing it
      this.logger.warn(`presence release: ${(err as Error).message}`);
    }
  }

  private async refresh(): Promise<void> {
    const holders = [...this.holds.entries()].filter(([, booths]) => booths.size > 0).map(([id]) => id);
    try {
      await this.queue.refreshHolders(holders);
    } catch (err) {
      this.logger.warn(`presence refresh: ${(err as Error).message}`);
    }
  }
}
