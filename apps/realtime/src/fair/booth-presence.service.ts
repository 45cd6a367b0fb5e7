import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@bisang/config';
import { REDIS } from '@bisang/common';
import { rooms } from '@bisang/realtime';
import { BoothPresence } from '@bisang/contracts';
import type { FairNamespace, FairSocket } from './fair-socket';

const ENTRY_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;

type Kind = 'visitors' | 'recruiters';

/**
 * Who is at a booth, across every gateway node: one Redis sorted set per booth and kind, a member per
 * socket scored with its expiry. Nodes refresh their sockets' entries; a node that dies stops refreshing,
 * so its sockets drop out within ENTRY_TTL_MS even though they never said goodbye.
 * Broadcasts are coalesced per booth (PRESENCE_BROADCAST_MS): a change to a quiet booth goes out at once,
 * changes within the window that follows go out once at its end, counted then. One socket toggling
 * booth:enter/leave therefore costs the room at most one message per window, and the last one is true.
 */
@Injectable()
export class BoothPresenceService implements OnModuleDestroy {
  /** socket id → booths it is in on this node, with the kind it counts as. */
  private readonly local = new Map<string, Map<string, Kind>>();
  private namespace?: FairNamespace;
  private heartbeat?: NodeJS.Timeout;
  private readonly lastSent = new Map<string, string>();
  /** Booths whose broadcast window is open: `dirty` when a change waits for the window's end. */
  private readonly windows = new Map<string, { dirty: boolean; timer: NodeJS.Timeout }>();
  private readonly windowMs: number;
  /** Set on shutdown: the sockets this node drops then are not broadcast (the adapter's Redis is going away). */
  private closing = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.windowMs = config.socketLimits.presenceBroadcastMs;
  }

  start(namespace: FairNamespace): void {
    this.namespace = namespace;
    this.heartbeat = setInterval(() => void this.refresh(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onModuleDestroy(): void {
    this.closing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const window of this.windows.values()) clearTimeout(window.timer);
    this.windows.clear();
  }

  async enter(socket: FairSocket, boothId: string, kind: Kind): Promise<void> {
    const mine = this.local.get(socket.id) ?? new Map<string, Kind>();
    this.local.set(socket.id, mine);
    mine.set(boothId, kind);
    await this.redis.zadd(this.key(boothId, kind), Date.now() + ENTRY_TTL_MS, socket.id);
    await socket.join(rooms.booth(boothId));
    this.broadcast(boothId);
  }

  async leave(socket: FairSocket, boothId: string): Promise<void> {
    const kind = this.local.get(socket.id)?.get(boothId);
    if (!kind) return;
    this.local.get(socket.id)!.delete(boothId);
    await this.redis.zrem(this.key(boothId, kind), socket.id);
    await socket.leave(rooms.booth(boothId));
    this.broadcast(boothId);
  }

  /** A socket went away (said goodbye or timed out): it leaves every booth it was in. */
  async disconnected(socketId: string): Promise<void> {
    const mine = this.local.get(socketId);
    this.local.delete(socketId);
    if (!mine) return;
    try {
      for (const [boothId, kind] of mine) {
        await this.redis.zrem(this.key(boothId, kind), socketId);
        if (!this.closing) this.broadcast(boothId);
      }
    } catch {
      // Redis is away (e.g. this node is shutting down and its sockets drop): the entries expire by themselves
    }
  }

  async count(boothId: string): Promise<BoothPresence> {
    const now = Date.now();
    const [visitors, recruiters] = await Promise.all(
      (['visitors', 'recruiters'] as const).map(async (kind) => {
        await this.redis.zremrangebyscore(this.key(boothId, kind), '-inf', now);
        return this.redis.zcard(this.key(boothId, kind));
      }),
    );
    return { boothId, visitors, recruitersOnline: recruiters };
  }

  /** The booth's counts changed: sent now when its window is closed, else at the window's end. */
  private broadcast(boothId: string): void {
    if (this.closing) return;
    const window = this.windows.get(boothId);
    if (window) {
      window.dirty = true;
      return;
    }
    void this.send(boothId);
    if (this.windowMs > 0) this.openWindow(boothId);
  }

  private openWindow(boothId: string): void {
    const window = {
      dirty: false,
      timer: setTimeout(() => {
        this.windows.delete(boothId);
        if (window.dirty) this.broadcast(boothId);
      }, this.windowMs),
    };
    window.timer.unref();
    this.windows.set(boothId, window);
  }

  private async send(boothId: string): Promise<void> {
    try {
      const presence = await this.count(boothId);
      this.lastSent.set(boothId, `${presence.visitors}/${presence.recruitersOnline}`);
      // Through the Redis adapter: sockets of this booth on every node receive it.
      this.namespace?.to(rooms.booth(boothId)).emit('booth:presence', presence);
    } catch {
      // Redis is away; the heartbeat tells the room once it is back and the counts differ
    }
  }

  private async refresh(): Promise<void> {
    const expires = Date.now() + ENTRY_TTL_MS;
    const booths = new Set<string>();
    try {
      const pipeline = this.redis.pipeline();
      for (const [socketId, mine] of this.local) {
        for (const [boothId, kind] of mine) {
          pipeline.zadd(this.key(boothId, kind), expires, socketId);
          booths.add(boothId);
        }
      }
      await pipeline.exec();
      // Counts can change without an event here (another node died): tell the room when they did.
      for (const boothId of booths) {
        const p = await this.count(boothId);
        if (this.lastSent.get(boothId) !== `${p.visitors}/${p.recruitersOnline}`) this.broadcast(boothId);
      }
    } catch {
      // Redis is away; the next heartbeat tries again
    }
  }

  private key(boothId: string, kind: Kind): string {
    return `${this.config.redisPrefix}:presence:booth:${boothId}:${kind}`;
  }
}
