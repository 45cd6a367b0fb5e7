import { Module } from '@nestjs/common';
import { BoothQueueRepository } from '@bisang/database';
import { BoothChatPushSubscriber } from './booth-chat-push.subscriber';

/** Booth chat's pushes to sockets (queue:update, chat:started, chat:ended). Its notifications are in the notifications subscriber. */
@Module({ providers: [BoothQueueRepository, BoothChatPushSubscriber] })
export class BoothChatWorkerModule {}
