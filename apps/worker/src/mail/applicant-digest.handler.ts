import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import { MailDeliveriesRepository } from '@bisang/database';
import { JobMap, digestDeliveryId } from '@bisang/queues';
import { MailComposer } from './mail-composer';
import { MailSender } from './mail-sender';
import { MailTransport } from './mail-transport';

/**
 * `mail.applicant-digest`: at the end of a booth's window, each of its company's staff gets one mail listing the
 * window's applicants. Each recipient's mail is its own delivery row (booth + window + recipient), so a retried job
 * sends only what was not accepted yet; an opted-out recipient is recorded as skipped.
 */
@Injectable()
export class ApplicantDigestHandler {
  constructor(
    private readonly deliveries: MailDeliveriesRepository,
    private readonly composer: MailComposer,
    private readonly transport: MailTransport,
    private readonly sender: MailSender,
    private readonly config: AppConfig,
  ) {}

  async handle({ boothId, fairId, windowStartMs }: JobMap['mail.applicant-digest']): Promise<void> {
    if (!this.transport.enabled) throw new Error('SMTP_URL is not set in this process');
    const from = new Date(windowStartMs);
    const to = new Date(windowStartMs + this.config.mail.digestWindowMs);
    const digest = await this.deliveries.findApplicantDigest(boothId, from, to);
    if (!digest || digest.total === 0) return; // the booth is gone, or every applicant of the window withdrew
    const failures: unknown[] = [];
    for (const user of digest.recipients) {
      const id = digestDeliveryId(boothId, windowStartMs, user.id!);
      const key = { id, eventId: null, kind: 'applicant-digest', userId: user.id, fairId };
      try {
        if (user.mailOptOuts.includes('applications')) await this.sender.skip(key);
        else await this.sender.deliver(key, this.composer.composeDigest(id, user, digest, from, to));
      } catch (err) {
        failures.push(err);
      }
    }
    // One recipient's failure does not hold back the others; the retry sends only what is still missing.
    if (failures.length) throw failures[0];
  }
}
