import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventName, NewDomainEvent } from '@bisang/contracts';
import { rowsOf } from './sql-rows';

/**
 * Appends domain events inside the caller's transaction: they commit with the change or not at all.
 * (No NOTIFY: PostgreSQL serializes the commits of notifying transactions, which cost the booking burst
 * four fifths of its throughput; the relay looks at the new rows' types instead, see `typesAfter`.)
 */
export async function appendDomainEvents(manager: EntityManager, events: readonly NewDomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const fairIds = events.map((e) => ('fairId' in e.payload && typeof e.payload.fairId === 'string' ? e.payload.fairId : null));
  await manager.query(
    `WITH appended AS (
       INSERT INTO domain_events (type, fair_id, payload)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::jsonb[]) RETURNING 1
     ) SELECT 1`,
    [events.map((e) => e.type), fairIds, events.map((e) => JSON.stringify(e.payload))],
  );
}

/** Where a subscriber is in the outbox: after the event (tx, id). */
export interface OutboxCursor {
  tx: string;
  id: number;
}

export interface OutboxBatch {
  events: DomainEvent[];
  /** Where the subscriber is once it handled `events`. */
  next: OutboxCursor;
}

export interface EventFailure {
  subscriber: string;
  eventId: number;
  type: DomainEventName;
  attempts: number;
  lastError: string;
  parkedAt: Date | null;
  createdAt: Date;
}

interface EventRow {
  id: string;
  tx: string;
  type: DomainEventName;
  fair_id: string | null;
  payload: unknown;
  occurred_at: Date;
}

const toEvent = (r: EventRow): DomainEvent =>
  ({ id: Number(r.id), type: r.type, fairId: r.fair_id, payload: r.payload, occurredAt: r.occurred_at.toISOString() }) as DomainEvent;

/** The outbox as the relay reads it: subscriptions with their cursors and leases, failures and parked events. */
@Injectable()
export class DomainEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The types of the events visible after id `after`, and the largest such id: what the relay's look at the
   * outbox wakes (one index range over the new rows). An event that commits after a larger id was seen is not
   * woken for here; every subscription also looks once a second.
   */
  async typesAfter(after: number): Promise<{ types: string[]; last: number }> {
    const rows: { type: string; last: string }[] = await this.dataSource.query(
      `SELECT type, max(id) AS last FROM domain_events WHERE id > $1 GROUP BY type`,
      [after],
    );
    return { types: rows.map((r) => r.type), last: rows.reduce((m, r) => Math.max(m, Number(r.last)), after) };
  }

  /** The newest event's id (0 when none): where the relay's looks start. */
  async lastId(): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM domain_events`)) as { id: string }[];
    return Number(row.id);
  }

  /** Makes the subscription exist; a new one starts at the beginning of the outbox. */
  async ensureSubscription(subscriber: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO event_subscriptions (subscriber) VALUES ($1) ON CONFLICT DO NOTHING`, [subscriber]);
  }

  /**
   * Takes (or renews) the subscription's lease for `holder`: the cursor when it is ours now, null when another
   * process holds an unexpired lease. A lease is a row value, not a lock, so no transaction stays open
   * (an open writing transaction would hold back every reader's horizon).
   */
  async lease(subscriber: string, holder: string, leaseMs: number): Promise<OutboxCursor | null> {
    const [row] = rowsOf<{ last_tx: string; last_id: string }>(
      await this.dataSource.query(
        `UPDATE event_subscriptions SET leased_by = $2, lease_until = now() + make_interval(secs => $3::float8 / 1000)
         WHERE subscriber = $1 AND (leased_by = $2 OR leased_by IS NULL OR lease_until < now())
         RETURNING last_tx::text, last_id`,
        [subscriber, holder, leaseMs],
      ),
    );
    return row ? { tx: row.last_tx, id: Number(row.last_id) } : null;
  }

  /** Gives the lease up (on shutdown), so another process takes over at once. */
  async release(subscriber: string, holder: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE event_subscriptions SET leased_by = NULL, lease_until = NULL WHERE subscriber = $1 AND leased_by = $2`,
      [subscriber, holder],
    );
  }

  /**
   * Up to `limit` events of `types` after the cursor, of transactions that have all ended. When fewer come
   * back, the cursor may move to the horizon: every event appended later has a larger (tx, id).
   */
  async readAfter(cursor: OutboxCursor, types: readonly DomainEventName[], limit: number): Promise<OutboxBatch> {
    const rows: (EventRow & { horizon: string })[] = await this.dataSource.query(
      `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
       SELECT e.id, e.tx::text, e.type, e.fair_id, e.payload, e.occurred_at, h.horizon::text AS horizon
       FROM h LEFT JOIN LATERAL (
         SELECT * FROM domain_events
         WHERE (tx, id) > ($1::xid8, $2::bigint) AND tx < h.horizon AND type = ANY($3::text[])
         ORDER BY tx, id LIMIT $4
       ) e ON true`,
      [cursor.tx, cursor.id, types, limit],
    );
    const found = rows.filter((r) => r.id !== null);
    if (found.length === limit) {
      const last = found[found.length - 1];
      return { events: found.map(toEvent), next: { tx: last.tx, id: Number(last.id) } };
    }
    return { events: found.map(toEvent), next: { tx: rows[0].horizon, id: 0 } };
  }

  /** Moves the cursor, only while `holder` still holds the lease. */
  async advance(subscriber: string, holder: string, next: OutboxCursor): Promise<boolean> {
    const rows = rowsOf<unknown>(
      await this.dataSource.query(
        `UPDATE event_subscriptions SET last_tx = $3::xid8, last_id = $4, updated_at = now()
         WHERE subscriber = $1 AND leased_by = $2 AND (last_tx, last_id) <= ($3::xid8, $4::bigint) RETURNING 1`,
        [subscriber, holder, next.tx, next.id],
      ),
    );
    return rows.length > 0;
  }

  /** Records a failed attempt: due again at `retryAt`, or parked when null. */
  async recordFailure(subscriber: string, eventId: number, error: string, retryAt: Date | null): Promise<number> {
    const [row] = rowsOf<{ attempts: number }>(
      await this.dataSource.query(
        `INSERT INTO event_failures (subscriber, event_id, attempts, last_error, next_attempt_at, parked_at)
         VALUES ($1, $2, 1, $3, $4, CASE WHEN $4::timestamptz IS NULL THEN now() END)
         ON CONFLICT (subscriber, event_id) DO UPDATE SET attempts = event_failures.attempts + 1, last_error = $3,
           next_attempt_at = $4, parked_at = CASE WHEN $4::timestamptz IS NULL THEN now() END, handled_at = NULL
         RETURNING attempts`,
        [subscriber, eventId, error.slice(0, 2000), retryAt],
      ),
    );
    return row.attempts;
  }

  /** How many times the subscriber already failed on the event (0 when never). */
  async attempts(subscriber: string, eventId: number): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT attempts FROM event_failures WHERE subscriber = $1 AND event_id = $2`, [
      subscriber,
      eventId,
    ])) as { attempts: number }[];
    return row?.attempts ?? 0;
  }

  /** Failed events of the subscriber whose next attempt is due. */
  async dueRetries(subscriber: string, limit: number): Promise<DomainEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.id, e.tx::text, e.type, e.fair_id, e.payload, e.occurred_at
       FROM event_failures f JOIN domain_events e ON e.id = f.event_id
       WHERE f.subscriber = $1 AND f.handled_at IS NULL AND f.parked_at IS NULL AND f.next_attempt_at <= now()
       ORDER BY f.next_attempt_at LIMIT $2`,
      [subscriber, limit],
    );
    return rows.map(toEvent);
  }

  async markHandled(subscriber: string, eventId: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE event_failures SET handled_at = now(), next_attempt_at = NULL, parked_at = NULL WHERE subscriber = $1 AND event_id = $2`,
      [subscriber, eventId],
    );
  }

  /** Parked events, oldest first: what an organizer looks at and may replay. */
  async listParked(limit: number): Promise<EventFailure[]> {
    const rows: { subscriber: string; event_id: string; type: DomainEventName; attempts: number; last_error: string; parked_at: Date; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT f.subscriber, f.event_id, e.type, f.attempts, f.last_error, f.parked_at, f.created_at
         FROM event_failures f JOIN domain_events e ON e.id = f.event_id
         WHERE f.parked_at IS NOT NULL AND f.handled_at IS NULL ORDER BY f.parked_at, f.event_id LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      subscriber: r.subscriber,
      eventId: Number(r.event_id),
      type: r.type,
      attempts: r.attempts,
      lastError: r.last_error,
      parkedAt: r.parked_at,
      createdAt: r.created_at,
    }));
  }

  /** Makes a parked event due again at once; false when there is no such parked event. */
  async replayParked(subscriber: string, eventId: number): Promise<boolean> {
    const rows = rowsOf<unknown>(
      await this.dataSource.query(
        `UPDATE event_failures SET parked_at = NULL, next_attempt_at = now()
         WHERE subscriber = $1 AND event_id = $2 AND parked_at IS NOT NULL AND handled_at IS NULL RETURNING 1`,
        [subscriber, eventId],
      ),
    );
    return rows.length > 0;
  }
}
