import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { ListQueryDto } from '@bisang/common';
import type { NotificationEntity } from '@bisang/database';
import { NOTIFICATION_TYPES } from '@bisang/realtime';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'only the unread ones' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

/** The same shape as the socket `notification` event (same id), plus when it was read. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;

  static from(n: NotificationEntity): NotificationDto {
    return { id: n.id, type: n.type, at: n.createdAt.toISOString(), data: n.data, readAt: n.readAt ? n.readAt.toISOString() : null };
  }
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: 'unread notifications in all, whatever the page' }) unreadCount: number;
}

export class ReadAllDto {
  @ApiProperty({ description: 'how many were marked read now' }) marked: number;
  @ApiProperty() unreadCount: number;
}
