import { Module } from '@nestjs/common';
import { BoothQueueRepository, CompaniesRepository, NotificationsRepository } from '@bisang/database';
import { NotificationsSubscriber } from './notifications.subscriber';

/** Every notification a user reads in the inbox and live: one subscriber over the domain events. */
@Module({ providers: [NotificationsRepository, CompaniesRepository, BoothQueueRepository, NotificationsSubscriber] })
export class NotificationsWorkerModule {}
