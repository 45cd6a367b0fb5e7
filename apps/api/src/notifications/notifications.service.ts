import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, decodeCursor, toPage } from '@bisang/common';
import { NotificationsRepository } from '@bisang/database';
import { NotificationDto, NotificationListQueryDto, NotificationPageDto, ReadAllDto } from './dto/notification.dto';

const notificationNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'NOTIFICATION_NOT_FOUND', '알림을 찾을 수 없습니다 / Notification not found');

/** A user's stored inbox: what RealtimePublisher.notifyUser stored and pushed. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(userId: string, query: NotificationListQueryDto): Promise<NotificationPageDto> {
    const cursor = decodeCursor(query.cursor, { k: 'instant', i: 'uuid' });
    const [rows, unreadCount] = await Promise.all([
      this.notifications.findPageForUser({
        userId,
        unreadOnly: query.unread === true,
        after: cursor ? { sortKey: cursor.k, id: cursor.i } : undefined,
        limit: query.limit,
      }),
      this.notifications.countUnread(userId),
    ]);
    return { ...toPage(rows, query.limit, NotificationDto.from, (n) => ({ k: n.sortKey, i: n.id })), unreadCount };
  }

  async markRead(userId: string, notificationId: string): Promise<NotificationDto> {
    const row = await this.notifications.markRead(userId, notificationId, new Date());
    if (!row) throw notificationNotFound();
    return NotificationDto.from(row);
  }

  async markAllRead(userId: string): Promise<ReadAllDto> {
    const marked = await this.notifications.markAllRead(userId, new Date());
    return { marked, unreadCount: await this.notifications.countUnread(userId) };
  }
}
