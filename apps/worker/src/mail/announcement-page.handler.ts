import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import { MailDeliveriesRepository } from '@bisang/database';
import { JobMap, JobProducer, jobIds } from '@bisang/queues';

/**
 * `mail.announcement`: one page of the fair's registered seekers gets its `mail.send` jobs (one per seeker, the
 * usual exactly-once path, opt-outs honoured there), then the next page is scheduled after a pause: a fair of
 * thousands is mailed in paced batches, never one burst. Page jobs have deterministic ids, so a retried page
 * enqueues nothing twice.
 */
@Injectable()
export class AnnouncementPageHandler {
  constructor(
    private readonly deliveries: MailDeliveriesRepository,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async handle({ eventId, fairId, afterUserId }: JobMap['mail.announcement']): Promise<void> {
    const { announcementBatch, announcementPauseMs, maxAttempts, retryBaseMs } = this.config.mail;
    const seekers = await this.deliveries.findFairSeekers(fairId, afterUserId, announcementBatch);
    await this.jobs.enqueueMany(
      'mail.send',
      seekers.map((userId) => ({
        payload: { eventId, kind: 'announcement' as const, userId },
        options: { jobId: jobIds.mail(eventId, 'announcement', userId), attempts: maxAttempts, backoffMs: retryBaseMs },
      })),
    );
    if (seekers.length < announcementBatch) return;
    const last = seekers[seekers.length - 1];
    await this.jobs.enqueue(
      'mail.announcement',
      { eventId, fairId, afterUserId: last },
      { jobId: jobIds.announcementPage(eventId, last), delayMs: announcementPauseMs, attempts: maxAttempts, backoffMs: retryBaseMs },
    );
  }
}
