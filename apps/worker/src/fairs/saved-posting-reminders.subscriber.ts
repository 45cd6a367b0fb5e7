import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { SAVED_POSTING_REMINDER_HOURS, type DomainEvent } from '@bisang/contracts';
import { SavedPostingsRepository } from '@bisang/database';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

type ReminderEvent = 'posting.saved' | 'posting.unsaved' | 'posting.updated';

const BEFORE_MS = SAVED_POSTING_REMINDER_HOURS * 3600_000;

/**
 * A saved posting's deadline reminder, a day before it closes on the fair clock (at once when saved inside that
 * day). Unsaving cancels it; a moved deadline schedules a fresh one for every saver (the job id carries the
 * deadline, and the handler does nothing for a deadline that is no longer the posting's). Deterministic job ids
 * make it idempotent.
 */
@Injectable()
@OnDomainEvents({ name: 'saved-posting-reminders', events: ['posting.saved', 'posting.unsaved', 'posting.updated'] })
export class SavedPostingRemindersSubscriber implements DomainEventHandler<ReminderEvent> {
  constructor(
    private readonly jobs: JobProducer,
    private readonly saved: SavedPostingsRepository,
  ) {}

  async handle(event: DomainEvent<ReminderEvent>): Promise<void> {
    const { postingId, closesAt } = event.payload;
    if (!closesAt) return;
    const deadline = new Date(closesAt);
    if (event.type === 'posting.unsaved') {
      await this.jobs.cancel('saved-posting.remind', jobIds.savedPostingReminder(event.payload.seekerId, postingId, deadline));
      return;
    }
    const seekers = event.type === 'posting.saved' ? [event.payload.seekerId] : await this.saved.seekersOf(postingId);
    const now = clock.nowMs();
    if (deadline.getTime() <= now) return;
    const delayMs = deadline.getTime() - BEFORE_MS - now;
    await this.jobs.enqueueMany(
      'saved-posting.remind',
      seekers.map((seekerId) => ({
        payload: { seekerId, postingId, closesAt: deadline.toISOString() },
        options: { jobId: jobIds.savedPostingReminder(seekerId, postingId, deadline), delayMs },
      })),
    );
  }
}
