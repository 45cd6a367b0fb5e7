import { clock } from '@bisang/common';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FairsRepository, PostingsRepository } from '@bisang/database';
import { JobProducer, jobIds } from '@bisang/queues';
import { FairCloseHandler } from './fair-close.handler';
import { FairOpenHandler } from './fair-open.handler';

/**
 * At start-up, moves fairs whose opening or closing passed while nothing was running, and makes sure
 * every pending lifecycle and posting-close job exists (deterministic ids make this idempotent).
 * Not for lost enqueues (the outbox makes those impossible) but for a Redis that lost its delayed jobs:
 * a fair that never opened or closed would stall everything in it, so this one stays.
 */
@Injectable()
export class FairLifecycleReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(FairLifecycleReconciler.name);

  constructor(
    private readonly fairs: FairsRepository,
    private readonly postings: PostingsRepository,
    private readonly jobs: JobProducer,
    private readonly open: FairOpenHandler,
    private readonly close: FairCloseHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.reconcile(clock.now());
    } catch (err) {
      this.logger.error(`reconciliation failed: ${(err as Error).message}`);
    }
  }

  async reconcile(now: Date): Promise<{ opened: number; closed: number }> {
    const { toOpen, toClose, pending } = await this.fairs.findOverdue(now);
    for (const fairId of toOpen) await this.open.handle({ fairId });
    for (const fairId of toClose) await this.close.handle({ fairId });
    for (const fair of pending) {
      if (fair.endsAt <= now) continue;
      if (fair.status === 'scheduled' && fair.startsAt > now) {
        await this.jobs.enqueue('fair.open', { fairId: fair.id }, { jobId: jobIds.fairOpen(fair.id), delayMs: fair.startsAt.getTime() - now.getTime() });
      }
      await this.jobs.enqueue('fair.close', { fairId: fair.id }, { jobId: jobIds.fairClose(fair.id), delayMs: fair.endsAt.getTime() - now.getTime() });
    }
    for (const p of await this.postings.findOpenWithCloseTime()) {
      await this.jobs.enqueue('posting.close', { postingId: p.id }, { jobId: jobIds.postingClose(p.id, p.closesAt), delayMs: p.closesAt.getTime() - now.getTime() });
    }
    if (toOpen.length || toClose.length) this.logger.log(`reconciled fairs: opened ${toOpen.length}, closed ${toClose.length}`);
    return { opened: toOpen.length, closed: toClose.length };
  }
}
