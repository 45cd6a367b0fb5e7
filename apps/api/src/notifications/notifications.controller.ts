import { Controller, Get, HttpCode, Param, PipeTransform, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@bisang/auth';
import { badRequest } from '@bisang/common';
import { NotificationDto, NotificationListQueryDto, NotificationPageDto, ReadAllDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** A notification id: a whole number a bigint column holds (anything else is a 400, never a 500). */
const NOTIFICATION_ID: PipeTransform<string, number> = {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw badRequest('VALIDATION_FAILED', 'notificationId 는 알림 번호여야 합니다 / notificationId must be a notification number');
    }
    return Number(value);
  },
};

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({
    type: NotificationPageDto,
    description: 'newest first (?unread=true for the unread ones only); or ?since=ID: every notification after it, oldest first, as `me:join` replays',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (since, limit, unread), INVALID_CURSOR' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(user.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllDto })
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<ReadAllDto> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiParam({ name: 'notificationId', type: 'integer', description: "the notification's id (per user)" })
  @ApiNotFoundResponse({ description: "NOTIFICATION_NOT_FOUND, also for another user's notification" })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: notificationId is not a notification id' })
  read(@CurrentUser() user: AuthenticatedUser, @Param('notificationId', NOTIFICATION_ID) id: number): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id);
  }
}
