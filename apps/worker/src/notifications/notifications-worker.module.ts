import { Module } from '@nestjs/common';
import { CompaniesRepository, NotificationsRepository } from '@bisang/database';
import { NotificationsSubscriber } from './notifications.subscriber';

/** Every notification a user reads in the inbox and live: one subscriber over the domain events. */
@Module({ providers: [NotificationsRepository, CompaniesRepository, NotificationsSubscriber] })
export class NotificationsWorkerModule {}
