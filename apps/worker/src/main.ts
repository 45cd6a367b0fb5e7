import { Module } from '@nestjs/common';
import { CoreModule, HealthModule, runHttpProcess } from '@bisang/core';
import { WorkerModule } from './worker.module';

@Module({ imports: [CoreModule.forRoot(), HealthModule, WorkerModule] })
class WorkerAppModule {}

/** A worker node: BullMQ processors, plus /health on PORT for the orchestrator. */
void runHttpProcess(WorkerAppModule);
