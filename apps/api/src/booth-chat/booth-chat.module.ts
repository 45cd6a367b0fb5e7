import { Module } from '@nestjs/common';
import { BoothQueueRepository, ChatsRepository } from '@bisang/database';
import { BoothsModule } from '../booths/booths.module';
import { BoothChatService } from './booth-chat.service';
import { BoothQueueController, ChatHandOverController } from './booth-queue.controller';
import { ChatsController } from './chats.controller';
import { ChatsService } from './chats.service';

/** Booth chat: the walk-up queue, staff presence, "take next", and conversations (ChatsService is for other features too). */
@Module({
  imports: [BoothsModule],
  controllers: [BoothQueueController, ChatHandOverController, ChatsController],
  providers: [BoothQueueRepository, ChatsRepository, BoothChatService, ChatsService],
  exports: [ChatsService],
})
export class BoothChatModule {}
