import { Module } from '@nestjs/common';
import { ApplicationsRepository, BoothQueueRepository, ChatsRepository, PostingsRepository, TalentPoolRepository } from '@bisang/database';
import { BoothsModule } from '../booths/booths.module';
import { BoothChatService } from './booth-chat.service';
import { BoothQueueController, ChatHandOverController } from './booth-queue.controller';
import { ChatActionsController } from './chat-actions.controller';
import { ChatActionsService } from './chat-actions.service';
import { ChatsController } from './chats.controller';
import { ChatsService } from './chats.service';

/** Booth chat: the walk-up queue, staff presence, "take next", conversations and the recruiter's acts from them (ChatsService is for other features too). */
@Module({
  imports: [BoothsModule],
  controllers: [BoothQueueController, ChatHandOverController, ChatsController, ChatActionsController],
  providers: [
    BoothQueueRepository,
    ChatsRepository,
    PostingsRepository,
    ApplicationsRepository,
    TalentPoolRepository,
    BoothChatService,
    ChatsService,
    ChatActionsService,
  ],
  exports: [ChatsService],
})
export class BoothChatModule {}
