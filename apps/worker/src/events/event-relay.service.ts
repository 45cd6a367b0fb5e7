import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { DomainEvent, DomainEventName } from '@bisang/contracts';
import { AppConfig } from '@bisang/config';
import { DomainEventsRepository, OutboxCursor } from '@bisang/database';
import { DomainEventHandler, SUBSCRIBER_METADATA, SubscriberOptions } from './domain-event-subscriber';

const BATCH = 200;
/** Every subscription looks at least this often, for due retries and whatever a look at the head missed. */
const SWEEP_MS = 1000;

interface Subscription {
  name: string;
  events: readonly DomainEventName[];
  handler: DomainEventHandler<DomainEventName>;
  /** Until when (this process's clock, with a margin) the lease is surely ours without renewing it. */
  leasedUntil: number;
  /** When the cursor was last written; an idle subscription writes it at most once per poll interval. */
  advancedAt: number;
  /** The cursor as this process last read or wrote it, while it holds the lease. */
  cursor?: OutboxCursor;
  /** A drain is under way; `again` asks it for one more round when it ends. */
  running?: Promise<void>;
  again: boolean;
}

/**
 * Hands the outbox's domain events to every subscriber, each at its own durable cursor, so a slow or failing
 * subscriber never holds the others back. Several processes may run it: a subscriber's cursor is leased to one
 * process at a time (a crashed holder's lease runs out and another takes over). An event that throws is
 * recorded and the cursor moves on; it is retried with back-off and, after its last attempt, parked until an
 * organizer replays it (GET /admin/events/parked). Every EVENT_POLL_MS it looks which types of events were
 * appended (one index range over the new rows) and wakes only their subscriptions; events appended together are
 * then read together. Every subscription also looks once a second (retries, and an event a look missed).
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRelay.name);
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private subscriptions: Subscription[] = [];
  private headTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private seen = 0;
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
          advancedAt: 0,
        };
      });
    const names = new Set<string>();
    for (const s of this.subscriptions) {
      if (names.has(s.name)) throw new Error(`two domain event subscribers are named ${s.name}`);
      names.add(s.name);
      await this.outbox.ensureSubscription(s.name);
    }
    this.seen = await this.outbox.lastId();
    this.headTimer = setInterval(() => void this.lookAtHead(), this.config.eventRelay.pollMs);
    this.headTimer.unref();
    this.sweepTimer = setInterval(() => this.wakeAll(), SWEEP_MS);
    this.sweepTimer.unref();
    this.wakeAll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.headTimer) clearInterval(this.headTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await Promise.all(this.subscriptions.map((s) => s.running));
    // Give the leases back so that another process takes over at once rather than after the lease runs out.
    await Promise.all(this.subscriptions.map((s) => this.outbox.release(s.name, this.holder).catch(() => undefined)));
  }

  /** The subscribers this relay runs, by name (for tests and operators). */
  get subscriberNames(): string[] {
    return this.subscriptions.map((s) => s.name);
  }

  /** Wakes the subscriptions of the event types appended since the last look. */
  private async lookAtHead(): Promise<void> {
    if (this.looking || this.stopped) return;
    this.looking = true;
    try {
      const { types, last } = await this.outbox.typesAfter(this.seen);
      this.seen = last;
      if (types.length) this.wakeFor(types);
    } catch {
      // PostgreSQL unreachable for a moment: the next look tries again.
    } finally {
      this.looking = false;
    }
  }

  private wakeAll(): void {
    this.wakeFor(undefined);
  }

  private wakeFor(types: string[] | undefined): void {
    if (this.stopped) return;
    for (const s of this.subscriptions) {
      if (!types || s.events.some((e) => types.includes(e))) this.wake(s);
    }
  }

  private wake(s: Subscription): void {
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
      // Nothing handled: the cursor may stay where it is a little longer (the next read skips the same rows).
      if (batch.events.length || Date.now() - s.advancedAt >= SWEEP_MS) {
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
    for (const event of await this.outbox.dueRetries(s.name, BATCH)) {
      if (this.stopped) return;
      const ok = await this.deliver(s, event, await this.outbox.attempts(s.name, event.id));
      if (ok) await this.outbox.markHandled(s.name, event.id);
    }
  }

  /**
   * The subscription's cursor when its lease is ours: renewed in the database only once half of it has run out
   * (by this process's clock), so a busy subscription does not write its lease on every batch.
   */
  private async renewLease(s: Subscription): Promise<OutboxCursor | null> {
    const { leaseMs } = this.config.eventRelay;
    if (s.cursor && Date.now() < s.leasedUntil) return s.cursor;
    const asked = Date.now();
    const cursor = await this.outbox.lease(s.name, this.holder, leaseMs);
    s.leasedUntil = cursor ? asked + leaseMs / 2 : 0;
    s.cursor = cursor ?? undefined;
    return cursor;
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
