import { Injectable, Logger } from '@nestjs/common';
import { MailDeliveriesRepository, MailDeliveryKey } from '@bisang/database';
import { MailTransport, OutgoingMail } from './mail-transport';

/** What may be said of an SMTP failure in logs and the queue dashboard: codes, never addresses or texts. */
export const describeFailure = (err: unknown): string => {
  const e = err as { code?: string; responseCode?: number; command?: string };
  return ['SMTP', e.code ?? 'error', e.responseCode ?? '', e.command ?? ''].filter(Boolean).join(' ');
};

/**
 * One composed mail to the wire, at most once in effect (see SendMailHandler): the delivery row says `sending`
 * before the SMTP transaction, `accepted` after the server's 250, `failed` (and the job throws, to be retried)
 * when it refused or could not be reached; a row already `accepted` or `skipped` sends nothing.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger(MailSender.name);

  constructor(
    private readonly deliveries: MailDeliveriesRepository,
    private readonly transport: MailTransport,
  ) {}

  async deliver(key: MailDeliveryKey, mail: OutgoingMail): Promise<void> {
    const start = await this.deliveries.begin(key);
    if (start === 'done') return;
    if (start === 'resend') this.logger.warn(`mail ${key.id}: an earlier attempt died unrecorded; sending again with the same Message-ID`);
    try {
      await this.transport.send(mail);
    } catch (err) {
      const failure = describeFailure(err);
      await this.deliveries.markFailed(key.id, failure);
      throw new Error(`mail ${key.id} not accepted: ${failure}`);
    }
    await this.deliveries.markAccepted(key.id, new Date());
  }

  /** An informative mail the recipient switched off: recorded as skipped, never sent. */
  async skip(key: MailDeliveryKey): Promise<void> {
    if ((await this.deliveries.begin(key)) !== 'done') await this.deliveries.markSkipped(key.id);
  }
}
