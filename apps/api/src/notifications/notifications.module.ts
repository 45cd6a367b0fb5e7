import { Module } from '@nestjs/common';
import { NotificationsRepository } from '@bisang/database';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The stored notification inbox of every signed-in user. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService],
})
export class NotificationsModule {}
