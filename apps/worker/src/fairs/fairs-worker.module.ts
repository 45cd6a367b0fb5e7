import { Module } from '@nestjs/common';
import { FairsRepository, PostingsRepository, SavedPostingsRepository } from '@bisang/database';
import { FairCloseHandler } from './fair-close.handler';
import { FairOpenHandler } from './fair-open.handler';
import { FairLifecycleReconciler } from './fair-lifecycle.reconciler';
import { FairScheduleSubscriber } from './fair-schedule.subscriber';
import { FairsProcessor } from './fairs.processor';
import { PostingCloseHandler } from './posting-close.handler';
import { SavedPostingRemindHandler } from './saved-posting-remind.handler';
import { SavedPostingRemindersSubscriber } from './saved-posting-reminders.subscriber';

@Module({
  providers: [
    FairsProcessor,
    FairOpenHandler,
    FairCloseHandler,
    PostingCloseHandler,
    FairScheduleSubscriber,
    FairLifecycleReconciler,
    SavedPostingRemindHandler,
    SavedPostingRemindersSubscriber,
    FairsRepository,
    PostingsRepository,
    SavedPostingsRepository,
  ],
})
export class FairsWorkerModule {}
