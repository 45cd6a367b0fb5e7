import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { rowsOf } from './sql-rows';

/** A stored notification with its exact sort key (timestamptz text keeps the microseconds a Date loses). */
export type NotificationRow = NotificationEntity & { sortKey: string };

export interface NotificationListFilter {
  userId: string;
  unreadOnly: boolean;
  after?: { sortKey: string; id: string };
  limit: number;
}

const COLUMNS = `id, user_id AS "userId", type, data, created_at AS "createdAt", read_at AS "readAt", created_at::text AS "sortKey"`;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a notification for the user; its id is the one pushed live. */
  async record(userId: string, type: string, data: Record<string, unknown>): Promise<NotificationEntity> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO notifications (user_id, type, data) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [userId, type, JSON.stringify(data)],
    )) as NotificationRow[];
    return row;
  }

  /** The user's notifications, newest first; `limit + 1` rows so the caller knows whether more follow. */
  findPageForUser(filter: NotificationListFilter): Promise<NotificationRow[]> {
    const params: unknown[] = [filter.userId];
    let where = 'user_id = $1';
    if (filter.unreadOnly) where += ' AND read_at IS NULL';
    if (filter.after) {
      params.push(filter.after.sortKey, filter.after.id);
      where += ` AND (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(filter.limit + 1);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async countUnread(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as { n: number }[];
    return row.n;
  }

  /** Marks the user's own notification read (keeping the first read time); null when it is not theirs or missing. */
  async markRead(userId: string, notificationId: string, now: Date): Promise<NotificationRow | null> {
    const rows = rowsOf<NotificationRow>(
      await this.dataSource.query(
        `UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
        [notificationId, userId, now],
      ),
    );
    return rows[0] ?? null;
  }

  /** Marks every unread notification of the user read; how many it marked. */
  async markAllRead(userId: string, now: Date): Promise<number> {
    const rows = rowsOf<{ id: string }>(
      await this.dataSource.query(`UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId, now]),
    );
    return rows.length;
  }
}
