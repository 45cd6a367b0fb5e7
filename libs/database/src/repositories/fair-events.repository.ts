import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FairEventEntity } from '../entities/fair-event.entity';
import type { FeedDataMap, FeedEventType } from '@bisang/contracts';
import { noteAppended } from '../outbox-commits';
import { rowsOf } from './sql-rows';

export interface AppendedEvent {
  fairId: string;
  id: number;
}

/**
 * Appends an event to a fair's feed inside the caller's transaction.
 * The id comes from `fairs.last_event_id`, bumped with UPDATE … RETURNING: the row lock is held until
 * commit, so a fair's events commit in id order with no gaps, and a reader that sees id N has seen 1..N-1.
 * Call it last in the transaction to keep that lock short.
 */
export async function appendFairEvent<T extends FeedEventType>(
  manager: EntityManager,
  fairId: string,
  type: T,
  data: FeedDataMap[T],
): Promise<AppendedEvent> {
  // One statement, one round trip: the UPDATE still takes the fair's row lock, held until commit. The feed is
  // its own outbox (dense per-fair ids, read by the gateways); the commit hint below wakes them.
  const [appended] = rowsOf<{ id: string }>(
    await manager.query(
      `WITH bumped AS (UPDATE fairs SET last_event_id = last_event_id + 1 WHERE id = $1 RETURNING last_event_id)
       INSERT INTO fair_events (fair_id, id, type, data, at) SELECT $1::uuid, last_event_id, $2::text, $3::jsonb, $4::timestamptz FROM bumped RETURNING id`,
      [fairId, type, JSON.stringify(data), clock.now()],
    ),
  );
  if (!appended) throw new Error(`appendFairEvent: no fair ${fairId}`);
  // `feed:<fairId>` wakes the gateways that follow the fair, once the transaction committed.
  noteAppended(manager, [`feed:${fairId}`]);
  const id = Number(appended.id);
  return { fairId, id };
}

@Injectable()
export class FairEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Events with id > `after`, oldest first (at most `limit`, and none past `upTo` when given).
   * Plain SQL: it runs for every broadcast, and the query builder cost more CPU than the query itself.
   */
  async findAfter(fairId: string, after: number, limit: number, upTo?: number): Promise<FairEventEntity[]> {
    const rows: { fair_id: string; id: string; type: string; data: Record<string, unknown>; at: Date }[] = await this.dataSource.query(
      `SELECT fair_id, id, type, data, at FROM fair_events
       WHERE fair_id = $1 AND id > $2 AND ($3::bigint IS NULL OR id <= $3) ORDER BY id LIMIT $4`,
      [fairId, after, upTo ?? null, limit],
    );
    return rows.map((r) => Object.assign(new FairEventEntity(), { fairId: r.fair_id, id: Number(r.id), type: r.type, data: r.data, at: r.at }));
  }

  /** The id of the fair's newest committed event (0 when none), or null for an unknown fair. */
  async lastEventId(fairId: string): Promise<number | null> {
    const rows: { last_event_id: string }[] = await this.dataSource.query(`SELECT last_event_id FROM fairs WHERE id = $1`, [fairId]);
    return rows[0] ? Number(rows[0].last_event_id) : null;
  }
}
