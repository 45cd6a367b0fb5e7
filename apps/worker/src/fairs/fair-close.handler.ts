import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { FairsRepository } from '@bisang/database';
import { JobMap, JobProducer, jobIds } from '@bisang/queues';

/** `fair.close`: a fair closes at its end (re-checks state; a second run does nothing). */
@Injectable()
export class FairCloseHandler {
  constructor(
    private readonly fairs: FairsRepository,
    private readonly jobs: JobProducer,
  ) {}

  async handle({ fairId }: JobMap['fair.close']): Promise<void> {
    const fair = await this.fairs.findById(fairId);
    if (!fair || fair.status === 'closed' || fair.status === 'draft') return;
    const early = fair.endsAt.getTime() - clock.nowMs();
    if (early > 0) {
      await this.jobs.enqueue('fair.close', { fairId }, { jobId: `${jobIds.fairClose(fairId)}-${fair.endsAt.getTime()}-early-${Math.round(clock.nowMs())}`, delayMs: early });
      return;
    }
    await this.fairs.closeIfDue(fairId, clock.now());
  }
}
