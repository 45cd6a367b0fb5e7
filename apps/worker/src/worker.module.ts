import { Module } from '@nestjs/common';
import { FairsWorkerModule } from './fairs/fairs-worker.module';
import { CoachingWorkerModule } from './coaching/coaching-worker.module';
import { OutcomesWorkerModule } from './outcomes/outcomes-worker.module';
import { KpisWorkerModule } from './kpis/kpis-worker.module';

/** BullMQ processors: one per queue, one handler file per job. */
@Module({
  imports: [FairsWorkerModule, CoachingWorkerModule, OutcomesWorkerModule, KpisWorkerModule],
})
export class WorkerModule {}
