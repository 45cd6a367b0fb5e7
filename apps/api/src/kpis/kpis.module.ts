import { Module } from '@nestjs/common';
import { FairsRepository, KpisRepository } from '@bisang/database';
import { KpiExportsService } from './kpi-exports.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** The organizer's placement KPIs against the fair's target, and the hires and applications exports. */
@Module({
  controllers: [KpisController],
  providers: [KpisRepository, FairsRepository, KpisService, KpiExportsService],
})
export class KpisModule {}
