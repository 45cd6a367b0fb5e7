import { Injectable } from '@nestjs/common';
import type { InformativeMailCategory } from '@bisang/contracts';
import { MailContext, MailDeliveriesRepository } from '@bisang/database';
import { JobMap, MAIL_KINDS, mailDeliveryId } from '@bisang/queues';
import { MailComposer } from './mail-composer';
import { MAILING_EVENTS } from './mail-rules';
import { MailSender } from './mail-sender';
import { MailTransport } from './mail-transport';

/**
 * `mail.send`: one mail of one event to one recipient, at most once in effect.
 * 1. The mail is composed first (reading the database), so a failure there leaves no trace of a send.
 * 2. The delivery row says `sending` before the SMTP transaction; `accepted` once the server answered 250 to DATA;
 *    `failed` when the server refused or could not be reached (a retry then sends without any doubt).
 * 3. A retried job whose row says `accepted` (or `skipped`) sends nothing.
 * The one window left: the process dies after the server's 250 and before `accepted` is written (milliseconds).
 * The row then still says `sending`, and the retry sends the mail again **with the same Message-ID**, which
 * receiving servers and clients use to drop the copy; it is logged (delivery id only).
 */
@Injectable()
export class SendMailHandler {
  constructor(
    private readonly deliveries: MailDeliveriesRepository,
    private readonly composer: MailComposer,
    private readonly transport: MailTransport,
    private readonly sender: MailSender,
  ) {}

  async handle({ eventId, kind, userId }: JobMap['mail.send']): Promise<void> {
    // Jobs exist only when SMTP_URL was set; a process started without it leaves them for one that has it.
    if (!this.transport.enabled) throw new Error('SMTP_URL is not set in this process');
    const id = mailDeliveryId(eventId, kind, userId);
    const context =
      kind === 'company-invitation' ? await this.deliveries.findInvitationContext(eventId, userId) : await this.deliveries.findContext(eventId, userId);
    if (!context || !(MAILING_EVENTS as readonly string[]).includes(context.event.type)) return;
    const key = { id, eventId, kind, userId: context.recipient.id, fairId: context.event.fairId };
    const category = MAIL_KINDS[kind];
    if (category !== 'account' && category !== 'booking' && context.recipient.mailOptOuts.includes(category as InformativeMailCategory)) {
      await this.sender.skip(key);
      return;
    }
    if (await this.answeredAlready(kind, context)) {
      await this.sender.skip(key);
      return;
    }
    const mail = this.composer.compose(id, kind, context);
    if (!mail) return;
    await this.sender.deliver(key, mail);
  }

  /**
   * A talent-pool invitation or an introduction the seeker answered (on the page, or from a notification) before
   * this job ran: its mail would ask them to answer again, so it is recorded as skipped, never sent.
   */
  private async answeredAlready(kind: JobMap['mail.send']['kind'], context: MailContext): Promise<boolean> {
    if (kind !== 'pool-invitation' && kind !== 'introduction') return false;
    const payload = context.event.payload as { invitationId?: string; introductionId?: string };
    const offerId = kind === 'introduction' ? payload.introductionId : payload.invitationId;
    if (!offerId) return false;
    return !(await this.deliveries.offerPending(kind === 'introduction' ? 'introductions' : 'pool_invitations', offerId));
  }
}
