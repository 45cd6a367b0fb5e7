import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { FairsRepository } from '@bisang/database';
import { JobMap, JobProducer, jobIds } from '@bisang/queues';

/** `fair.open`: a scheduled fair goes live at its start (re-checks state; a second run does nothing). */
@Injectable()
export class FairOpenHandler {
  constructor(
    private readonly fairs: FairsRepository,
    private readonly jobs: JobProducer,
  ) {}

  async handle({ fairId }: JobMap['fair.open']): Promise<void> {
    const fair = await this.fairs.findById(fairId);
    if (!fair || fair.status !== 'scheduled') return;
    const early = fair.startsAt.getTime() - clock.nowMs();
    if (early > 0) {
      // Fired before its time (clock skew, or the start moved): try again at the start. The new job's id names this
      // attempt: a job that fires early twice must not re-enqueue under its own id (a no-op: the fair would never open).
      await this.jobs.enqueue('fair.open', { fairId }, { jobId: `${jobIds.fairOpen(fairId)}-${fair.startsAt.getTime()}-early-${Math.round(clock.nowMs())}`, delayMs: early });
      return;
    }
    await this.fairs.openIfDue(fairId, clock.now());
  }
}
