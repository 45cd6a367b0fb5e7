import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { NotificationDto, NotificationListQueryDto, NotificationPageDto, ReadAllDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto, description: 'newest first; ?unread=true for the unread ones only' })
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
  @ApiNotFoundResponse({ description: "NOTIFICATION_NOT_FOUND, also for another user's notification" })
  read(@CurrentUser() user: AuthenticatedUser, @Param('notificationId', uuidParam('notificationId')) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id);
  }
}
