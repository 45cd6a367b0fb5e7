import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_TYPES, NotificationType, type NotificationPage, type NotificationRecord, type ReadAllResult } from '@bisang/contracts';
import { ListQueryDto } from '@bisang/common';
import type { NotificationRow } from '@bisang/database';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'only the unread ones (newest first; not with since)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'the replay: notifications with id greater than this, oldest first (as `me:join {since}` on the socket); nextCursor is the next `since`',
    minimum: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'since must be a whole number' })
  @Min(0, { message: 'since must not be negative' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'since is too large' })
  since?: number;
}

/** The same shape as the socket `notification` event (same id), plus when it was read. */
export class NotificationDto implements NotificationRecord {
  @ApiProperty({ type: 'integer', description: "the user's notification number: 1, 2, 3, … (strictly increasing per user)" }) id: number;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty() at: string;
  @ApiProperty({ type: Object, description: 'typed per type: see NotificationDataMap in libs/contracts' }) data: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;

  static from(n: NotificationRow): NotificationDto {
    return { id: n.id, type: n.type as NotificationType, at: n.createdAt.toISOString(), data: n.data, readAt: n.readAt ? n.readAt.toISOString() : null };
  }
}

export class NotificationPageDto implements NotificationPage<NotificationRecord> {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: 'unread notifications in all, whatever the page' }) unreadCount: number;
  @ApiProperty({ type: 'integer', description: "the id of the user's newest notification (0 when none)" }) lastNotificationId: number;
}

export class ReadAllDto implements ReadAllResult {
  @ApiProperty({ description: 'how many were marked read now' }) marked: number;
  @ApiProperty() unreadCount: number;
}
