import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { JobProducer, hireFollowUpJobs } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

type HireEvent = 'hire.recorded' | 'hire.updated' | 'hire.undone';

/**
 * A hire's retention follow-ups at start + 30/60/90 days, 09:00 fair time (at once when that has passed): scheduled
 * with the hire, moved with its start date, removed with its undoing. The job ids carry the start date.
 */
@Injectable()
@OnDomainEvents({ name: 'follow-ups', events: ['hire.recorded', 'hire.updated', 'hire.undone'] })
export class FollowUpsSubscriber implements DomainEventHandler<HireEvent> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<HireEvent>): Promise<void> {
    const { applicationId, timezone } = event.payload;
    if (event.type === 'hire.undone') return this.remove(applicationId, event.payload.startDate, timezone);
    if (event.type === 'hire.updated') {
      if (event.payload.previousStartDate === event.payload.startDate) return;
      await this.remove(applicationId, event.payload.previousStartDate, timezone);
    }
    const now = clock.nowMs();
    for (const job of hireFollowUpJobs(applicationId, event.payload.startDate, timezone)) {
      // A finished job kept under the same id (an undone and redone hire) would swallow the new one; the
      // handler asks each follow-up once, so running it again is harmless.
      await this.jobs.cancel(job.name, job.jobId);
      await this.jobs.enqueue(job.name, job.payload, { jobId: job.jobId, delayMs: job.fireAt.getTime() - now });
    }
  }

  private async remove(applicationId: string, startDate: string, timezone: string): Promise<void> {
    await Promise.all(hireFollowUpJobs(applicationId, startDate, timezone).map((j) => this.jobs.cancel(j.name, j.jobId)));
  }
}
