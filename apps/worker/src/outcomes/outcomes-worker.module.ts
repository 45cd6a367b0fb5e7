import { Module } from '@nestjs/common';
import { ApplicationsRepository, PostingsRepository } from '@bisang/database';
import { FollowUpsSubscriber } from './follow-ups.subscriber';
import { HireFollowUpHandler } from './hire-follow-up.handler';
import { OutcomesProcessor } from './outcomes.processor';

/** The outcomes worker: retention follow-ups after a hire. */
@Module({
  providers: [ApplicationsRepository, PostingsRepository, HireFollowUpHandler, FollowUpsSubscriber, OutcomesProcessor],
})
export class OutcomesWorkerModule {}
