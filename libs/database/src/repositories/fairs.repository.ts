import { clock } from '@bisang/common';
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
  | 'description'
  | 'timezone'
  | 'startsAt'
  | 'endsAt'
  | 'hiringTarget'
  | 'youthAgeMin'
  | 'youthAgeMax'
  | 'professionalJobCategories'
  | 'maxUpcomingCoachingPerSeeker'
  | 'midCareerAgeMin'
  | 'createdBy'
>;

export interface AnnouncementRow {
  id: string;
  fairId: string;
  feedEventId: number;
  title: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

const ANNOUNCEMENT_COLUMNS = `id, fair_id, feed_event_id, title, body, created_at, updated_at`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toAnnouncement = (r: any): AnnouncementRow => ({
  id: r.id,
  fairId: r.fair_id,
  feedEventId: Number(r.feed_event_id),
  title: r.title,
  body: r.body,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** What `PATCH /fairs/:fairId` may change (undefined: unchanged). */
export type FairPatch = Partial<
  Pick<
    FairEntity,
    | 'title'
    | 'description'
    | 'timezone'
    | 'startsAt'
    | 'endsAt'
    | 'hiringTarget'
    | 'youthAgeMin'
    | 'youthAgeMax'
    | 'professionalJobCategories'
    | 'maxUpcomingCoachingPerSeeker'
    | 'midCareerAgeMin'
  >
>;

/** Fields a published fair may still change. */
const ANYTIME_FIELDS = new Set<keyof FairPatch>(['title', 'description', 'hiringTarget']);

export interface FairTransition {
  fair: FairEntity;
  event?: AppendedEvent;
}

/** A live fair sorts before every other: its key is its start moved 1,000 years on (still an instant a cursor can hold). */
const LIVE_LEAD_YEARS = 1000;
const LIST_KEY_SQL = `CASE WHEN f.status = 'live' THEN f.starts_at + interval '${LIVE_LEAD_YEARS} years' ELSE f.starts_at END`;

/** A fair's place in the list (`FairsRepository.list`): the cursor of the page that ends with it. */
export function fairListKey(fair: { status: string; startsAt: Date }): string {
  if (fair.status !== 'live') return fair.startsAt.toISOString();
  const key = new Date(fair.startsAt);
  key.setUTCFullYear(key.getUTCFullYear() + LIVE_LEAD_YEARS);
  return key.toISOString();
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

  /**
   * Fairs with the live ones first, then by start time (newest first), keyset-paginated on `fairListKey`; drafts only
   * when `includeDrafts`.
   */
  list(includeDrafts: boolean, limit: number, after?: { startsAt: string; id: string }): Promise<FairEntity[]> {
    const qb = this.repo.createQueryBuilder('f').orderBy(LIST_KEY_SQL, 'DESC').addOrderBy('f.id', 'DESC').limit(limit + 1);
    if (!includeDrafts) qb.where(`f.status <> 'draft'`);
    if (after) qb.andWhere(`(${LIST_KEY_SQL}, f.id) < (:startsAt, :id)`, after);
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

  /**
   * Changes a fair's settings. Only a draft may change its window, zone and counting rules (a published fair's
   * opening and closing jobs and KPIs hang on them); title, description and hiring target may change at any time.
   * `not_draft` when a draft-only field is asked of a published fair; null when there is no such fair.
   */
  async update(id: string, patch: FairPatch): Promise<FairEntity | { conflict: 'not_draft' } | null> {
    return this.dataSource.transaction(async (m) => {
      const fair = await m.getRepository(FairEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!fair) return null;
      const draftOnly = (Object.keys(patch) as (keyof FairPatch)[]).filter((k) => patch[k] !== undefined && !ANYTIME_FIELDS.has(k));
      if (fair.status !== 'draft' && draftOnly.length > 0) return { conflict: 'not_draft' };
      const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return m.getRepository(FairEntity).save({ ...fair, ...changes });
    });
  }

  /** The public figures of a fair's home: visible postings, approved booths and hires so far. */
  async summary(id: string): Promise<{ postings: number; booths: number; hires: number }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM postings p JOIN booths b ON b.id = p.booth_id
                WHERE p.fair_id = $1 AND p.status = 'published' AND b.status = 'approved') AS postings,
              (SELECT count(*)::int FROM booths WHERE fair_id = $1 AND status = 'approved') AS booths,
              (SELECT count(*)::int FROM hires WHERE fair_id = $1) AS hires`,
      [id],
    );
    return { postings: row.postings, booths: row.booths, hires: row.hires };
  }

  /** Writes an announcement (its row and its feed event, which carries the row's id). */
  announce(fairId: string, data: { title: string; body: string; by: string }, email = false): Promise<AppendedEvent & { announcementId: string }> {
    return this.dataSource.transaction(async (m) => {
      const [{ id: announcementId }] = rowsOf<{ id: string }>(await m.query(`SELECT gen_random_uuid() AS id`));
      const event = await appendFairEvent(m, fairId, 'announcement', { ...data, announcementId });
      await m.query(
        `INSERT INTO announcements (id, fair_id, feed_event_id, title, body, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [announcementId, fairId, event.id, data.title, data.body, data.by],
      );
      await appendDomainEvents(m, [domainEvent('fair.announced', { fairId, feedEventId: event.id, title: data.title, body: data.body, email })]);
      return { ...event, announcementId };
    });
  }

  /** The feed event id of an announcement (a list cursor names the last item by its id). */
  async announcementFeedId(id: string): Promise<number | null> {
    const [row] = await this.dataSource.query(`SELECT feed_event_id FROM announcements WHERE id = $1`, [id]);
    return row ? Number(row.feed_event_id) : null;
  }

  /** The fair's current announcements, newest first, keyset-paginated on the feed event id. */
  async listAnnouncements(fairId: string, limit: number, before?: number): Promise<AnnouncementRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements
        WHERE fair_id = $1 AND withdrawn_at IS NULL AND ($2::bigint IS NULL OR feed_event_id < $2)
        ORDER BY feed_event_id DESC LIMIT $3`,
      [fairId, before ?? null, limit + 1],
    );
    return rows.map(toAnnouncement);
  }

  /**
   * Edits a current announcement; `announcement.updated` (feed) and `fair.announcement_updated` (domain) commit
   * with it. Null when there is no such announcement or it was withdrawn.
   */
  updateAnnouncement(id: string, patch: { title?: string; body?: string }, by: string): Promise<AnnouncementRow | null> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<Record<string, unknown>>(
        await m.query(
          `UPDATE announcements SET title = coalesce($2, title), body = coalesce($3, body), updated_at = $4
            WHERE id = $1 AND withdrawn_at IS NULL RETURNING ${ANNOUNCEMENT_COLUMNS}`,
          [id, patch.title ?? null, patch.body ?? null, clock.now()],
        ),
      );
      if (!row) return null;
      const a = toAnnouncement(row);
      await appendFairEvent(m, a.fairId, 'announcement.updated', { announcementId: a.id, feedEventId: a.feedEventId, title: a.title, body: a.body });
      await appendDomainEvents(m, [domainEvent('fair.announcement_updated', { fairId: a.fairId, announcementId: a.id, by })]);
      return a;
    });
  }

  /** Withdraws a current announcement (`announcement.withdrawn` on the feed); null when there is none to withdraw. */
  withdrawAnnouncement(id: string, by: string): Promise<AnnouncementRow | null> {
    return this.dataSource.transaction(async (m) => {
      const rows = rowsOf<Record<string, unknown>>(
        await m.query(`UPDATE announcements SET withdrawn_at = $2 WHERE id = $1 AND withdrawn_at IS NULL RETURNING ${ANNOUNCEMENT_COLUMNS}`, [id, clock.now()]),
      );
      if (!rows[0]) return null;
      const a = toAnnouncement(rows[0]);
      await appendFairEvent(m, a.fairId, 'announcement.withdrawn', { announcementId: a.id, feedEventId: a.feedEventId });
      await appendDomainEvents(m, [domainEvent('fair.announcement_withdrawn', { fairId: a.fairId, announcementId: a.id, by })]);
      return a;
    });
  }
}
