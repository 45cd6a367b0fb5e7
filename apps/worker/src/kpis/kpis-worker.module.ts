import { Module } from '@nestjs/common';
import { KpisRepository } from '@bisang/database';
import { KpiChangeGate } from './kpi-change.gate';
import { KpiRefreshSubscriber } from './kpi-refresh.subscriber';
import { KpisProcessor } from './kpis.processor';
import { RefreshKpisHandler } from './refresh-kpis.handler';

/** Live KPIs: recomputes after changes, published to the fair's organizers. */
@Module({
  providers: [KpisRepository, KpiChangeGate, RefreshKpisHandler, KpisProcessor, KpiRefreshSubscriber],
})
export class KpisWorkerModule {}
