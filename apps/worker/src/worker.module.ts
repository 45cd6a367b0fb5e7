import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventsModule } from './events/events.module';
import { FairsWorkerModule } from './fairs/fairs-worker.module';
import { CoachingWorkerModule } from './coaching/coaching-worker.module';
import { OutcomesWorkerModule } from './outcomes/outcomes-worker.module';
import { KpisWorkerModule } from './kpis/kpis-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { MailWorkerModule } from './mail/mail-worker.module';
import { BoothChatWorkerModule } from './booth-chat/booth-chat-worker.module';
import { WorkerShutdown } from './worker-shutdown.service';

/**
 * BullMQ processors (one per queue, one handler file per job) and the outbox relay with its subscribers
 * (one file per consequence, `*.subscriber.ts`).
 */
@Module({
  imports: [
    DiscoveryModule,
    EventsModule,
    FairsWorkerModule,
    CoachingWorkerModule,
    OutcomesWorkerModule,
    KpisWorkerModule,
    NotificationsWorkerModule,
    MailWorkerModule,
    BoothChatWorkerModule,
  ],
  providers: [WorkerShutdown],
})
export class WorkerModule {}
