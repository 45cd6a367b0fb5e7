import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FairEntity, FairStatus } from '../entities/fair.entity';
import { isUniqueViolation } from '../pg-errors';
import { NewDomainEvent, domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { AppendedEvent, appendFairEvent } from './fair-events.repository';
import { rowsOf } from './sql-rows';

export type NewFair = Pick<
  FairEntity,
  | 'slug'
  | 'title'
  | 'timezone'
  | 'startsAt'
  | 'endsAt'
  | 'hiringTarget'
  | 'youthAgeMin'
  | 'youthAgeMax'
  | 'professionalJobCategories'
  | 'maxUpcomingCoachingPerSeeker'
  | 'createdBy'
>;

export interface FairTransition {
  fair: FairEntity;
  event?: AppendedEvent;
}

@Injectable()
export class FairsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(FairEntity);
  }

  /**
   * Whether PostgreSQL knows the time zone. Fair-local days and ages are computed in SQL (AT TIME ZONE), and
   * PostgreSQL's zone list is not Node's: Node accepts names (US/Pacific-New) that PostgreSQL refuses.
   */
  async isTimeZoneKnown(name: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM pg_timezone_names WHERE lower(name) = lower($1) LIMIT 1`, [name]);
    return rows.length > 0;
  }

  /** Inserts a draft fair; null when the slug is taken. */
  async createUnlessSlugTaken(fair: NewFair): Promise<FairEntity | null> {
    try {
      return await this.repo.save(this.repo.create({ ...fair, status: 'draft' }));
    } catch (err) {
      if (isUniqueViolation(err, 'fairs_slug_key')) return null;
      throw err;
    }
  }

  findById(id: string): Promise<FairEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIdOrSlug(idOrSlug: string): Promise<FairEntity | null> {
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug)
      ? this.repo.findOneBy({ id: idOrSlug })
      : this.repo.findOneBy({ slug: idOrSlug.toLowerCase() });
  }

  /** Fairs by start time (newest first), keyset-paginated; drafts only when `includeDrafts`. */
  list(includeDrafts: boolean, limit: number, after?: { startsAt: string; id: string }): Promise<FairEntity[]> {
    const qb = this.repo.createQueryBuilder('f').orderBy('f.starts_at', 'DESC').addOrderBy('f.id', 'DESC').limit(limit + 1);
    if (!includeDrafts) qb.where(`f.status <> 'draft'`);
    if (after) qb.andWhere('(f.starts_at, f.id) < (:startsAt, :id)', after);
    return qb.getMany();
  }

  /**
   * Publishes a draft: `scheduled` before its start, `live` (with a fair.opened event) inside its window.
   * Null when the fair is not a draft any more.
   */
  publish(id: string, now: Date): Promise<FairTransition | null> {
    return this.moveWithEvent(
      id,
      `UPDATE fairs SET status = CASE WHEN starts_at <= $2 THEN 'live' ELSE 'scheduled' END, published_at = $2
        WHERE id = $1 AND status = 'draft' AND ends_at > $2 RETURNING status`,
      now,
      (fair) => [
        domainEvent('fair.published', { fairId: fair.id, status: fair.status, startsAt: fair.startsAt.toISOString(), endsAt: fair.endsAt.toISOString() }),
        ...(fair.status === 'live' ? [domainEvent('fair.opened', { fairId: fair.id })] : []),
      ],
    );
  }

  /** Opens a scheduled fair whose start has come (idempotent: null when there is nothing to do). */
  openIfDue(id: string, now: Date): Promise<FairTransition | null> {
    return this.moveWithEvent(
      id,
      `UPDATE fairs SET status = 'live' WHERE id = $1 AND status = 'scheduled' AND starts_at <= $2 AND ends_at > $2 RETURNING status`,
      now,
      (fair) => [domainEvent('fair.opened', { fairId: fair.id })],
    );
  }

  /** Closes a live (or still scheduled) fair whose end has come (idempotent). */
  closeIfDue(id: string, now: Date): Promise<FairTransition | null> {
    return this.moveWithEvent(
      id,
      `UPDATE fairs SET status = 'closed' WHERE id = $1 AND status IN ('scheduled', 'live') AND ends_at <= $2 RETURNING status`,
      now,
      (fair) => [domainEvent('fair.closed', { fairId: fair.id })],
    );
  }

  /** Fairs whose moment to open or close passed while nothing ran them. */
  async findOverdue(now: Date): Promise<{ toOpen: string[]; toClose: string[]; pending: FairEntity[] }> {
    const pending = await this.repo
      .createQueryBuilder('f')
      .where(`f.status IN ('scheduled', 'live')`)
      .getMany();
    return {
      toOpen: pending.filter((f) => f.status === 'scheduled' && f.startsAt <= now && f.endsAt > now).map((f) => f.id),
      toClose: pending.filter((f) => f.endsAt <= now).map((f) => f.id),
      pending,
    };
  }

  /**
   * Runs a status UPDATE (params: id, now; it must RETURN status) and, when it changed a row, writes the domain
   * events `eventsFor(fair)` gives and, for fair.opened / fair.closed, the feed event, in the same transaction.
   * Null when the UPDATE matched nothing.
   */
  private moveWithEvent(id: string, update: string, now: Date, eventsFor: (fair: FairEntity) => NewDomainEvent[]): Promise<FairTransition | null> {
    return this.dataSource.transaction(async (m) => {
      const [moved] = rowsOf<{ status: FairStatus }>(await m.query(update, [id, now]));
      if (!moved) return null;
      const fair = await m.getRepository(FairEntity).findOneByOrFail({ id });
      const events = eventsFor(fair);
      await appendDomainEvents(m, events);
      const feedType = events.find((e) => e.type === 'fair.opened' || e.type === 'fair.closed')?.type as 'fair.opened' | 'fair.closed' | undefined;
      const event = feedType ? await appendFairEvent(m, id, feedType, { fairId: id }) : undefined;
      return { fair, event };
    });
  }

  /** Writes an announcement to the fair's feed. */
  announce(fairId: string, data: { title: string; body: string; by: string }, email = false): Promise<AppendedEvent> {
    return this.dataSource.transaction(async (m) => {
      const event = await appendFairEvent(m, fairId, 'announcement', data);
      await appendDomainEvents(m, [domainEvent('fair.announced', { fairId, feedEventId: event.id, title: data.title, body: data.body, email })]);
      return event;
    });
  }
}
