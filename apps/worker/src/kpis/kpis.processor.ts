import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobMap, QUEUES } from '@bisang/queues';
import { RefreshKpisHandler } from './refresh-kpis.handler';

/** The `kpis` queue: coalesced recomputes of a fair's live KPIs. */
@Processor(QUEUES.kpis)
export class KpisProcessor extends WorkerHost {
  constructor(private readonly refresh: RefreshKpisHandler) {
    super();
  }

  async process(job: Job<JobMap['kpi.refresh'], void, 'kpi.refresh'>): Promise<void> {
    if (job.name !== 'kpi.refresh') throw new Error(`no handler for kpis job ${job.name}`);
    await this.refresh.handle(job.data);
  }
}
