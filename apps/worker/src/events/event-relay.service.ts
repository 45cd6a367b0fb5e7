import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { DomainEvent, DomainEventName } from '@bisang/contracts';
import type Redis from 'ioredis';
import { createRedisConnection, closeRedis } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { DomainEventsRepository, OutboxCursor } from '@bisang/database';
import { channels } from '@bisang/realtime';
import { DomainEventHandler, SUBSCRIBER_METADATA, SubscriberOptions } from './domain-event-subscriber';

const BATCH = 200;
/** A subscription that read nothing of its own moves its cursor past others' events at most this often. */
const IDLE_ADVANCE_MS = 30_000;

interface Subscription {
  name: string;
  events: readonly DomainEventName[];
  handler: DomainEventHandler<DomainEventName>;
  /** Until when (this process's clock, with a margin) the lease is surely ours without renewing it. */
  leasedUntil: number;
  /** Another process held the lease when we last asked: not asked again before this (its holder renews it meanwhile). */
  othersUntil: number;
  /** A look again is set for when `othersUntil` ends (the holder may have stopped), and how many in a row ran. */
  retryTimer?: NodeJS.Timeout;
  retryRounds: number;
  /** When the cursor was last written; an idle subscription writes it at most once per poll interval. */
  advancedAt: number;
  /** The cursor as this process last read or wrote it, while it holds the lease. */
  cursor?: OutboxCursor;
  /** A retry of this subscription is due: the next drain looks at its failed events. */
  retriesDue?: boolean;
  /** A drain is under way; `again` asks it for one more round when it ends. */
  running?: Promise<void>;
  again: boolean;
}

/**
 * Hands the outbox's domain events to every subscriber, each at its own durable cursor, so a slow or failing
 * subscriber never holds the others back. Several processes may run it: a subscriber's cursor is leased to one
 * process at a time (a crashed holder's lease runs out and another takes over). An event that throws is
 * recorded and the cursor moves on; it is retried with back-off and, after its last attempt, parked until an
 * organizer replays it (GET /admin/events/parked). A process that commits domain events says so through Redis
 * with their types (OutboxHints), which wakes only their subscriptions. Every EVENT_POLL_MS one query per process
 * looks which types became readable and which retries are due, and wakes only those subscriptions: a lost hint
 * delays, nothing is lost, and an idle relay costs one query a second.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRelay.name);
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private subscriptions: Subscription[] = [];
  private sweepTimer?: NodeJS.Timeout;
  private hints?: Redis;
  /** Where the periodic look has seen the outbox up to (a cursor, as a subscription's). */
  private seen: OutboxCursor = { tx: '0', id: 0 };
  private looking = false;
  private stopped = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly outbox: DomainEventsRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscriptions = this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && Reflect.getMetadata(SUBSCRIBER_METADATA, w.metatype))
      .map((w) => {
        const options = Reflect.getMetadata(SUBSCRIBER_METADATA, w.metatype!) as SubscriberOptions<DomainEventName>;
        return {
          name: options.name,
          events: options.events,
          handler: w.instance as DomainEventHandler<DomainEventName>,
          again: false,
          leasedUntil: 0,
          othersUntil: 0,
          retryRounds: 0,
          advancedAt: 0,
        };
      });
    const names = new Set<string>();
    for (const s of this.subscriptions) {
      if (names.has(s.name)) throw new Error(`two domain event subscribers are named ${s.name}`);
      names.add(s.name);
      await this.outbox.ensureSubscription(s.name);
    }
    await this.listenForHints();
    this.sweepTimer = setInterval(() => void this.look(), this.config.eventRelay.pollMs);
    this.sweepTimer.unref();
    this.wakeAll(true);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const s of this.subscriptions) clearTimeout(s.retryTimer);
    if (this.hints) await closeRedis(this.hints);
    await Promise.all(this.subscriptions.map((s) => s.running));
    // Give the leases back so that another process takes over at once rather than after the lease runs out.
    await Promise.all(this.subscriptions.map((s) => this.outbox.release(s.name, this.holder).catch(() => undefined)));
  }

  /** The subscribers this relay runs, by name (for tests and operators). */
  get subscriberNames(): string[] {
    return this.subscriptions.map((s) => s.name);
  }

  /** The commit hints of every process (OutboxHints): "events of these types were committed". */
  private async listenForHints(): Promise<void> {
    const channel = channels.outbox(this.config.redisPrefix);
    this.hints = createRedisConnection(this.config.redisUrl);
    this.hints.on('error', () => undefined); // reconnects by itself; the poll covers the gap
    this.hints.on('message', (ch: string, types: string) => {
      if (ch === channel && types) this.wakeFor(types.split(','));
    });
    await this.hints.subscribe(channel);
  }

  /**
   * The fallback when hints are lost, and the clock of retries: one query for the whole process, which wakes
   * only the subscriptions with events to read or a retry due.
   */
  private async look(): Promise<void> {
    if (this.looking || this.stopped) return;
    this.looking = true;
    try {
      const { types, seen, retrying } = await this.outbox.look(this.seen);
      this.seen = seen;
      if (types.length) this.wakeFor(types);
      for (const s of this.subscriptions) if (retrying.includes(s.name)) this.wake(s, true);
    } catch {
      // PostgreSQL unreachable for a moment: the next look tries again.
    } finally {
      this.looking = false;
    }
  }

  private wakeAll(retries = false): void {
    if (this.stopped) return;
    for (const s of this.subscriptions) this.wake(s, retries);
  }

  private wakeFor(types: string[]): void {
    if (this.stopped) return;
    for (const s of this.subscriptions) if (s.events.some((e) => types.includes(e))) this.wake(s);
  }

  private wake(s: Subscription, retries = false, fromRetryTimer = false): void {
    if (retries) s.retriesDue = true;
    // news from outside (a hint, the look) starts the looks-again over; only they keep a refused subscription looking
    if (!fromRetryTimer) s.retryRounds = 0;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = (async () => {
      do {
        s.again = false;
        try {
          await this.drain(s);
        } catch (err) {
          this.logger.warn(`relay ${s.name}: ${(err as Error).message}`);
        }
      } while (s.again && !this.stopped);
    })().finally(() => {
      s.running = undefined;
    });
  }

  /** Handles everything after the subscription's cursor, then its due retries, while this process holds the lease. */
  private async drain(s: Subscription): Promise<void> {
    let cursor = await this.renewLease(s);
    if (!cursor) return;
    for (;;) {
      const batch = await this.outbox.readAfter(cursor, s.events, BATCH);
      if (!(await this.deliverBatch(s, batch.events))) {
        for (const event of batch.events) {
          if (this.stopped) return;
          await this.deliver(s, event, 0);
        }
      }
      // Nothing handled: the cursor may stay where it is a while (the next read skips the same rows again).
      if (batch.events.length || Date.now() - s.advancedAt >= IDLE_ADVANCE_MS) {
        if (!(await this.outbox.advance(s.name, this.holder, batch.next))) {
          s.leasedUntil = 0; // the lease passed on meanwhile
          return;
        }
        s.advancedAt = Date.now();
        s.cursor = batch.next;
      }
      cursor = batch.next;
      if (batch.events.length < BATCH || this.stopped) break;
      if (!(await this.renewLease(s))) return;
    }
    if (!s.retriesDue) return;
    s.retriesDue = false;
    for (const event of await this.outbox.dueRetries(s.name, BATCH)) {
      if (this.stopped) return;
      const ok = await this.deliver(s, event, await this.outbox.attempts(s.name, event.id));
      if (ok) await this.outbox.markHandled(s.name, event.id);
    }
  }

  /**
   * The subscription's cursor when its lease is ours: renewed in the database only once half of it has run out
   * (by this process's clock), so a busy subscription does not write its lease on every batch. When another process
   * holds it, this one asks again only after half a lease: with two workers woken by every hint, the one without
   * the lease would otherwise ask (and be refused) on every commit. A holder that died is taken over within 1.5 leases.
   */
  private async renewLease(s: Subscription): Promise<OutboxCursor | null> {
    const { leaseMs } = this.config.eventRelay;
    if (s.cursor && Date.now() < s.leasedUntil) return s.cursor;
    if (Date.now() < s.othersUntil) {
      this.lookAgainLater(s);
      return null;
    }
    const asked = Date.now();
    const cursor = await this.outbox.lease(s.name, this.holder, leaseMs);
    s.leasedUntil = cursor ? asked + leaseMs / 2 : 0;
    s.othersUntil = cursor ? 0 : asked + leaseMs / 2;
    s.cursor = cursor ?? undefined;
    if (!cursor) this.lookAgainLater(s);
    return cursor;
  }

  /**
   * A wake-up this process could not act on (the lease is another's) is not dropped: it looks again once
   * `othersUntil` has passed, up to three times in a row (1.5 leases: by then a holder that stopped without giving
   * the lease back has lost it), so events its holder left unhandled are taken over without waiting for new ones.
   */
  private lookAgainLater(s: Subscription): void {
    if (s.retryTimer || this.stopped || s.retryRounds >= 3) return;
    s.retryTimer = setTimeout(() => {
      s.retryTimer = undefined;
      s.retryRounds++;
      this.wake(s, false, true);
    }, Math.max(10, s.othersUntil - Date.now()));
    s.retryTimer.unref();
  }

  /** Hands the events to the subscriber's `handleBatch`, when it has one; false when it has none or it threw. */
  private async deliverBatch(s: Subscription, events: DomainEvent[]): Promise<boolean> {
    if (!s.handler.handleBatch || events.length === 0) return events.length === 0;
    try {
      await s.handler.handleBatch(events);
      return true;
    } catch (err) {
      this.logger.warn(`${s.name} failed on a batch of ${events.length}: handing them over one by one (${(err as Error).message})`);
      return false;
    }
  }

  /** Runs the handler; on failure records it for a retry after back-off, or parks the event after its last attempt. */
  private async deliver(s: Subscription, event: DomainEvent, failedBefore: number): Promise<boolean> {
    try {
      await s.handler.handle(event);
      return true;
    } catch (err) {
      const { retryBaseMs, maxAttempts } = this.config.eventRelay;
      const attempt = failedBefore + 1;
      const retryAt = attempt >= maxAttempts ? null : new Date(Date.now() + retryBaseMs * 2 ** (attempt - 1));
      await this.outbox.recordFailure(s.name, event.id, (err as Error).message ?? String(err), retryAt);
      this.logger.warn(`${s.name} failed on event ${event.id} (${event.type}), attempt ${attempt}${retryAt ? '' : ': parked'}`);
      return false;
    }
  }
}
