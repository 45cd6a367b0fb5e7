import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FairsWorkerModule } from './fairs/fairs-worker.module';
import { CoachingWorkerModule } from './coaching/coaching-worker.module';
import { OutcomesWorkerModule } from './outcomes/outcomes-worker.module';
import { KpisWorkerModule } from './kpis/kpis-worker.module';
import { WorkerShutdown } from './worker-shutdown.service';

/** BullMQ processors: one per queue, one handler file per job. */
@Module({
  imports: [DiscoveryModule, FairsWorkerModule, CoachingWorkerModule, OutcomesWorkerModule, KpisWorkerModule],
  providers: [WorkerShutdown],
})
export class WorkerModule {}
