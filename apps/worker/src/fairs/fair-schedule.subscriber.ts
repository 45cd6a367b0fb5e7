import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

type ScheduleEvent = 'fair.published' | 'posting.created' | 'posting.updated' | 'posting.published';

/**
 * A published fair opens and closes on time by itself; a posting with a closing time closes then. Job ids carry
 * the moment, so a moved closing time gets a fresh job (the old one finds nothing due and does nothing).
 */
@Injectable()
@OnDomainEvents({ name: 'fair-schedule', events: ['fair.published', 'posting.created', 'posting.updated', 'posting.published'] })
export class FairScheduleSubscriber implements DomainEventHandler<ScheduleEvent> {
  constructor(private readonly jobs: JobProducer) {}

  async handle(event: DomainEvent<ScheduleEvent>): Promise<void> {
    const now = clock.nowMs();
    if (event.type === 'fair.published') {
      const { fairId, status, startsAt, endsAt } = event.payload;
      if (status === 'scheduled') {
        await this.jobs.enqueue('fair.open', { fairId }, { jobId: jobIds.fairOpen(fairId), delayMs: new Date(startsAt).getTime() - now });
      }
      await this.jobs.enqueue('fair.close', { fairId }, { jobId: jobIds.fairClose(fairId), delayMs: new Date(endsAt).getTime() - now });
      return;
    }
    const { postingId, closesAt } = event.payload;
    if (!closesAt) return;
    const at = new Date(closesAt);
    await this.jobs.enqueue('posting.close', { postingId }, { jobId: jobIds.postingClose(postingId, at), delayMs: at.getTime() - now });
  }
}
