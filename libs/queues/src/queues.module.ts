import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '@bisang/config';
import { ALL_QUEUES } from './job-map';
import { JobProducer } from './job-producer';
import { KpiSignals } from './kpi-signals';

/** BullMQ on the configured Redis, every queue registered, and the typed producer. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: `${config.redisPrefix}:bull`,
      }),
    }),
    ...ALL_QUEUES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobProducer, KpiSignals],
  exports: [JobProducer, KpiSignals, BullModule],
})
export class QueuesModule {}
