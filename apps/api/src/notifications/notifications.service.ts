import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, badRequest, clock } from '@bisang/common';
import { NotificationsRepository } from '@bisang/database';
import { NotificationDto, NotificationListQueryDto, NotificationPageDto, ReadAllDto } from './dto/notification.dto';

const notificationNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'NOTIFICATION_NOT_FOUND', '알림을 찾을 수 없습니다 / Notification not found');

/** A user's stored inbox: what the notifications subscriber stored and pushed to the user's sockets. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /**
   * Newest first, or with `since` the replay: every notification after it, oldest first, with `nextCursor` the
   * `since` of the next page (null once caught up).
   */
  async list(userId: string, query: NotificationListQueryDto): Promise<NotificationPageDto> {
    const [unreadCount, lastNotificationId] = await Promise.all([this.notifications.countUnread(userId), this.notifications.lastId(userId)]);
    if (query.since !== undefined) {
      if (query.cursor !== undefined || query.unread !== undefined) {
        throw badRequest('VALIDATION_FAILED', 'since 는 cursor, unread 와 함께 쓸 수 없습니다 / since cannot be combined with cursor or unread');
      }
      const rows = await this.notifications.findSince(userId, query.since, query.limit + 1);
      const items = rows.slice(0, query.limit).map(NotificationDto.from);
      const nextCursor = rows.length > query.limit ? String(items[items.length - 1].id) : null;
      return { items, nextCursor, unreadCount, lastNotificationId };
    }
    const before = this.before(query.cursor);
    const rows = await this.notifications.findPageForUser({ userId, unreadOnly: query.unread === true, before, limit: query.limit });
    const items = rows.slice(0, query.limit).map(NotificationDto.from);
    const nextCursor = rows.length > query.limit ? String(items[items.length - 1].id) : null;
    return { items, nextCursor, unreadCount, lastNotificationId };
  }

  async markRead(userId: string, notificationId: number): Promise<NotificationDto> {
    const row = await this.notifications.markRead(userId, notificationId, clock.now());
    if (!row) throw notificationNotFound();
    return NotificationDto.from(row);
  }

  async markAllRead(userId: string): Promise<ReadAllDto> {
    const marked = await this.notifications.markAllRead(userId, clock.now());
    return { marked, unreadCount: await this.notifications.countUnread(userId) };
  }

  /** A newest-first page's cursor: the id the next page stays below. */
  private before(cursor: string | undefined): number | undefined {
    if (cursor === undefined) return undefined;
    if (!/^[1-9][0-9]{0,15}$/.test(cursor) || !Number.isSafeInteger(Number(cursor))) {
      throw badRequest('INVALID_CURSOR', 'cursor 가 올바르지 않습니다 / cursor is not valid');
    }
    return Number(cursor);
  }
}
