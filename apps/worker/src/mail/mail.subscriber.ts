import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { AppConfig } from '@bisang/config';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';
import { MAILING_EVENTS, MailingEvent, mailsFor } from './mail-rules';

/**
 * The e-mail: each event's mails become `mail.send` jobs whose ids derive from (event, kind, recipient), so a
 * redelivered event enqueues nothing new. Without SMTP_URL nothing is enqueued (the mail transport said so at start-up).
 */
@Injectable()
@OnDomainEvents({ name: 'mail', events: MAILING_EVENTS })
export class MailSubscriber implements DomainEventHandler<MailingEvent> {
  constructor(
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async handle(event: DomainEvent<MailingEvent>): Promise<void> {
    await this.handleBatch([event]);
  }

  /** A batch's mails in one Redis round trip (a burst of confirmations is one addBulk). */
  async handleBatch(events: DomainEvent<MailingEvent>[]): Promise<void> {
    const mail = this.config.mail;
    if (!mail.smtpUrl) return;
    const jobs = events.flatMap((event) =>
      mailsFor(event).map(({ kind, userId }) => ({
        payload: { eventId: event.id, kind, userId },
        options: { jobId: jobIds.mail(event.id, kind, userId), attempts: mail.maxAttempts, backoffMs: mail.retryBaseMs },
      })),
    );
    await this.jobs.enqueueMany('mail.send', jobs);
    await this.scheduleDigests(events);
    // An announcement to mail starts its first page; each page schedules the next one.
    const announcements = events.flatMap((e) => (e.type === 'fair.announced' && e.payload.email ? [e] : []));
    await this.jobs.enqueueMany(
      'mail.announcement',
      announcements.map((e) => ({
        payload: { eventId: e.id, fairId: e.payload.fairId, afterUserId: null },
        options: { jobId: jobIds.announcementPage(e.id, null), attempts: mail.maxAttempts, backoffMs: mail.retryBaseMs },
      })),
    );
  }

  /**
   * A new applicant schedules its booth's digest at the end of the current window: one job per (booth, window) by
   * its id, so every application of the window finds the job the first one made, and recruiters get one mail.
   */
  private async scheduleDigests(events: DomainEvent<MailingEvent>[]): Promise<void> {
    const { digestWindowMs, maxAttempts, retryBaseMs } = this.config.mail;
    const windows = new Map<string, { boothId: string; fairId: string; windowStartMs: number }>();
    for (const event of events) {
      if (event.type !== 'application.submitted') continue;
      const windowStartMs = Math.floor(new Date(event.occurredAt).getTime() / digestWindowMs) * digestWindowMs;
      windows.set(jobIds.applicantDigest(event.payload.boothId, windowStartMs), { boothId: event.payload.boothId, fairId: event.payload.fairId, windowStartMs });
    }
    if (windows.size === 0) return;
    await this.jobs.enqueueMany(
      'mail.applicant-digest',
      [...windows].map(([jobId, payload]) => ({
        payload,
        options: { jobId, delayMs: payload.windowStartMs + digestWindowMs - Date.now(), attempts: maxAttempts, backoffMs: retryBaseMs },
      })),
    );
  }
}
