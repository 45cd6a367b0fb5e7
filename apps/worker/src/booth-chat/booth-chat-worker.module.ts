import { Module } from '@nestjs/common';
import { BoothQueueRepository, ChatsRepository } from '@bisang/database';
import { BoothChatProcessor } from './booth-chat.processor';
import { BoothChatPushSubscriber } from './booth-chat-push.subscriber';
import { ChatTimersSubscriber } from './chat-timers.subscriber';

/**
 * Booth chat's pushes to sockets (queue:update, chat:started, chat:ended, chat:time_warning) and its moments (grace
 * period, chat timer). Its notifications are in the notifications subscriber.
 */
@Module({ providers: [BoothQueueRepository, ChatsRepository, BoothChatPushSubscriber, ChatTimersSubscriber, BoothChatProcessor] })
export class BoothChatWorkerModule {}
