import { Module } from '@nestjs/common';

/** BullMQ processors: one per queue, one handler file per job. */
@Module({
  imports: [],
})
export class WorkerModule {}
