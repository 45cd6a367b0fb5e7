import { Module } from '@nestjs/common';
import { FairsRepository, PostingsRepository } from '@bisang/database';
import { FairCloseHandler } from './fair-close.handler';
import { FairOpenHandler } from './fair-open.handler';
import { FairLifecycleReconciler } from './fair-lifecycle.reconciler';
import { FairScheduleSubscriber } from './fair-schedule.subscriber';
import { FairsProcessor } from './fairs.processor';
import { PostingCloseHandler } from './posting-close.handler';

@Module({
  providers: [FairsProcessor, FairOpenHandler, FairCloseHandler, PostingCloseHandler, FairScheduleSubscriber, FairLifecycleReconciler, FairsRepository, PostingsRepository],
})
export class FairsWorkerModule {}
