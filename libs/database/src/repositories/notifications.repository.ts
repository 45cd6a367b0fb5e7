import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
   * Stores the notifications a domain event gives, at most one per user and event whatever the redeliveries,
   * and answers every notification of the event (those stored now and by an earlier delivery), to push.
   * Each user's row is locked first (in id order, so two events never deadlock): a user's sequence numbers
   * then commit in order, with no gap, and the existence check after the lock sees an earlier delivery.
   */
  async recordForEvent(eventId: number, notes: readonly NewNotification[]): Promise<NotificationRow[]> {
    if (notes.length === 0) return [];
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [notes.map((n) => n.userId)]);
      await m.query(
        `WITH wanted AS (
           SELECT * FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) AS w(user_id, type, data)
           WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = $1 AND n.user_id = w.user_id)
         ), bumped AS (
           UPDATE users u SET last_notification_seq = u.last_notification_seq + 1
           FROM wanted WHERE u.id = wanted.user_id RETURNING u.id, u.last_notification_seq
         )
         INSERT INTO notifications (user_id, seq, type, data, event_id)
         SELECT w.user_id, b.last_notification_seq, w.type, w.data, $1 FROM wanted w JOIN bumped b ON b.id = w.user_id`,
        [eventId, notes.map((n) => n.userId), notes.map((n) => n.type), notes.map((n) => JSON.stringify(n.data))],
      );
      const rows: NotificationRow[] = await m.query(`SELECT ${COLUMNS} FROM notifications WHERE event_id = $1 ORDER BY user_id`, [eventId]);
      return rows.map(toRow);
    });
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
