import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../pg-errors';
import { rowsOf } from './sql-rows';

/** A stored notification as clients see it: `id` is the user's dense sequence number (1, 2, 3, …). */
export interface NotificationRow {
  id: number;
  userId: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** One notification an event gives one user. */
export interface NewNotification {
  /** The domain event it comes from. */
  eventId: number;
  userId: string;
  type: string;
  data: object;
}

export interface NotificationListFilter {
  userId: string;
  unreadOnly: boolean;
  /** Newest first, before this id. */
  before?: number;
  limit: number;
}

const COLUMNS = `seq AS id, user_id AS "userId", type, data, created_at AS "createdAt", read_at AS "readAt"`;
const toRow = (r: NotificationRow & { id: string | number }): NotificationRow => ({ ...r, id: Number(r.id) });

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the notifications domain events give, at most one per user and event whatever the redeliveries, and
   * answers every notification of those events (stored now or by an earlier delivery), to push. One statement:
   * bumping a user's counter takes their row lock until commit, so a user's ids commit in order with no gap; a
   * concurrent duplicate (a relay whose lease was taken over) fails on the unique (event, user) index and rolls
   * the whole statement back, counters included, and is then read back instead.
   */
  async recordForEvents(notes: readonly NewNotification[]): Promise<NotificationRow[]> {
    if (notes.length === 0) return [];
    const eventIds = [...new Set(notes.map((n) => n.eventId))];
    try {
      await this.dataSource.query(
        `WITH given AS (
           SELECT g.*, g.ord AS position FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::jsonb[], $5::int[]) AS g(event_id, user_id, type, data, ord)
           WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = g.event_id AND n.user_id = g.user_id)
             -- A deleted account is told nothing (its inbox was erased with it).
             AND NOT EXISTS (SELECT 1 FROM users d WHERE d.id = g.user_id AND d.deleted_at IS NOT NULL)
         ), numbered AS (
           SELECT given.*, row_number() OVER (PARTITION BY user_id ORDER BY position) AS k, count(*) OVER (PARTITION BY user_id) AS per_user FROM given
         ), bumped AS (
           UPDATE users u SET last_notification_seq = u.last_notification_seq + c.per_user
           FROM (SELECT DISTINCT user_id, per_user FROM numbered) c WHERE u.id = c.user_id
           RETURNING u.id, u.last_notification_seq AS top, c.per_user
         )
         INSERT INTO notifications (user_id, seq, type, data, event_id)
         SELECT n.user_id, b.top - b.per_user + n.k, n.type, n.data, n.event_id FROM numbered n JOIN bumped b ON b.id = n.user_id`,
        [
          notes.map((n) => n.eventId),
          notes.map((n) => n.userId),
          notes.map((n) => n.type),
          notes.map((n) => JSON.stringify(n.data)),
          notes.map((_, i) => i),
        ],
      );
    } catch (err) {
      if (!isUniqueViolation(err, 'notifications_event_user_idx') && !isUniqueViolation(err, 'notifications_user_seq_idx')) throw err;
      // Stored meanwhile by another delivery: what it stored is what there is to push.
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE event_id = ANY($1::bigint[]) ORDER BY user_id, seq`,
      [eventIds],
    );
    return rows.map(toRow);
  }

  /** The user's notifications with id > since, oldest first (the replay of `me:join` and `?since=`). */
  async findSince(userId: string, since: number, limit: number): Promise<NotificationRow[]> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [userId, since, limit],
    );
    return rows.map(toRow);
  }

  /** The id of the user's newest notification (0 when none). */
  async lastId(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT last_notification_seq AS n FROM users WHERE id = $1`, [userId])) as { n: string }[];
    return row ? Number(row.n) : 0;
  }

  /** The user's notifications, newest first; `limit + 1` rows so the caller knows whether more follow. */
  async findPageForUser(filter: NotificationListFilter): Promise<NotificationRow[]> {
    const params: unknown[] = [filter.userId];
    let where = 'user_id = $1';
    if (filter.unreadOnly) where += ' AND read_at IS NULL';
    if (filter.before !== undefined) {
      params.push(filter.before);
      where += ` AND seq < $${params.length}`;
    }
    params.push(filter.limit + 1);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE ${where} ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRow);
  }

  async countUnread(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as { n: number }[];
    return row.n;
  }

  /** Marks the user's own notification read (keeping the first read time); null when it is not theirs or missing. */
  async markRead(userId: string, notificationId: number, now: Date): Promise<NotificationRow | null> {
    const rows = rowsOf<NotificationRow>(
      await this.dataSource.query(
        `UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE seq = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
        [notificationId, userId, now],
      ),
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Marks every unread notification of the user read; how many it marked. */
  async markAllRead(userId: string, now: Date): Promise<number> {
    const rows = rowsOf<{ id: string }>(
      await this.dataSource.query(`UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId, now]),
    );
    return rows.length;
  }
}
