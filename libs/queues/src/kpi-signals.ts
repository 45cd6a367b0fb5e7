import { Injectable, Logger } from '@nestjs/common';
import { jobIds } from './job-ids';
import { JobProducer } from './job-producer';

/** Changes within one window of this length produce one recompute. */
export const KPI_REFRESH_WINDOW_MS = 1000;
/** The recompute runs this long after its window closes, so that clocks a little apart still see every change of it. */
const KPI_REFRESH_GRACE_MS = 250;

/**
 * What a feature calls, after its transaction commits, when something the organizer's KPIs count may
 * have changed (an application, a move, a hire or its undoing, a coaching booking decided or ended).
 * It is cheap: calls within the same second share one delayed `kpi.refresh` job (deterministic id per
 * fair and window), which runs after the window closes and so reads every change made in it.
 */
@Injectable()
export class KpiSignals {
  private readonly logger = new Logger(KpiSignals.name);
  /** The window this process last enqueued a refresh for, per fair: a burst costs one Redis call per second, not one per change. */
  private readonly enqueued = new Map<string, number>();

  constructor(private readonly jobs: JobProducer) {}

  async kpisChanged(fairId: string): Promise<void> {
    const now = Date.now();
    const windowStart = now - (now % KPI_REFRESH_WINDOW_MS);
    if (this.enqueued.get(fairId) === windowStart) return;
    this.enqueued.set(fairId, windowStart);
    if (this.enqueued.size > 10_000) this.forgetPastWindows(windowStart);
    try {
      await this.jobs.enqueue('kpi.refresh', { fairId }, {
        jobId: jobIds.kpiRefresh(fairId, windowStart),
        realDelayMs: windowStart + KPI_REFRESH_WINDOW_MS + KPI_REFRESH_GRACE_MS - now,
        attempts: 3,
      });
    } catch (err) {
      this.enqueued.delete(fairId);
      // Live KPIs are a convenience on top of committed data: a lost refresh must not fail the change itself.
      this.logger.warn(`kpi refresh for fair ${fairId} not enqueued: ${(err as Error).message}`);
    }
  }

  private forgetPastWindows(current: number): void {
    for (const [fairId, window] of this.enqueued) if (window < current) this.enqueued.delete(fairId);
  }
}
