import { Module } from '@nestjs/common';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboardMount } from './queue-dashboard.mount';

/** Operators watch the queues: Bull Board at /admin/queues, organizers only, with a cookie session for browsers. */
@Module({
  controllers: [QueueDashboardController],
  providers: [QueueDashboardMount],
})
export class QueueDashboardModule {}
