import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FairEventEntity } from '../entities/fair-event.entity';
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
export async function appendFairEvent(
  manager: EntityManager,
  fairId: string,
  type: string,
  data: Record<string, unknown>,
): Promise<AppendedEvent> {
  const [bumped] = rowsOf<{ last_event_id: string }>(
    await manager.query(`UPDATE fairs SET last_event_id = last_event_id + 1 WHERE id = $1 RETURNING last_event_id`, [fairId]),
  );
  const id = Number(bumped.last_event_id);
  await manager.query(`INSERT INTO fair_events (fair_id, id, type, data, at) VALUES ($1, $2, $3, $4, now())`, [
    fairId,
    id,
    type,
    JSON.stringify(data),
  ]);
  return { fairId, id };
}

@Injectable()
export class FairEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Events with id > `after`, oldest first (at most `limit`, and none past `upTo` when given). */
  findAfter(fairId: string, after: number, limit: number, upTo?: number): Promise<FairEventEntity[]> {
    const qb = this.dataSource
      .getRepository(FairEventEntity)
      .createQueryBuilder('e')
      .where('e.fair_id = :fairId AND e.id > :after', { fairId, after })
      .orderBy('e.id', 'ASC')
      .limit(limit);
    if (upTo !== undefined) qb.andWhere('e.id <= :upTo', { upTo });
    return qb.getMany();
  }

  /** The id of the fair's newest committed event (0 when none), or null for an unknown fair. */
  async lastEventId(fairId: string): Promise<number | null> {
    const rows: { last_event_id: string }[] = await this.dataSource.query(`SELECT last_event_id FROM fairs WHERE id = $1`, [fairId]);
    return rows[0] ? Number(rows[0].last_event_id) : null;
  }
}
