import { Injectable } from '@nestjs/common';
import { KpisRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';
import { RealtimePublisher } from '@bisang/realtime';
import { KpiChangeGate } from './kpi-change.gate';

/** `kpi.refresh`: recomputes a fair's KPIs and sends them to its organizers when a number changed. */
@Injectable()
export class RefreshKpisHandler {
  constructor(
    private readonly kpis: KpisRepository,
    private readonly gate: KpiChangeGate,
    private readonly realtime: RealtimePublisher,
  ) {}

  async handle({ fairId }: JobMap['kpi.refresh']): Promise<void> {
    const kpis = await this.kpis.computeForFair(fairId);
    if (!kpis) return;
    if (await this.gate.isNews(kpis)) await this.realtime.kpisUpdated(kpis);
  }
}
