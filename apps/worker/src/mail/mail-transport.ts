import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import MimeComposer from 'nodemailer/lib/mail-composer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '@bisang/config';

/** A mail ready for the wire: addresses and texts already checked and free of line breaks in headers. */
export interface OutgoingMail {
  messageId: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A `text/calendar` alternative (an invitation or its cancellation). */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
}

/**
 * SMTP through nodemailer, a small pool of reused connections. Without SMTP_URL there is no transport, and the
 * process says once at start-up that no mail is sent.
 */
@Injectable()
export class MailTransport implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter?: Transporter<SMTPPool.SentMessageInfo>;

  constructor(private readonly config: AppConfig) {
    const { smtpUrl } = this.config.mail;
    // Made here, not at bootstrap: the mail queue's worker may take a job before this provider's bootstrap hook ran.
    if (smtpUrl) this.transporter = MailTransport.create(smtpUrl);
  }

  onApplicationBootstrap(): void {
    const { smtpUrl } = this.config.mail;
    if (!smtpUrl) {
      this.logger.warn('SMTP_URL is not set: no e-mail is sent (verification, password reset, booking and application mails)');
      return;
    }
    // The URL may carry credentials: log only where mail goes.
    this.logger.log(`mail goes through ${new URL(smtpUrl).host}`);
  }

  private static create(smtpUrl: string): Transporter<SMTPPool.SentMessageInfo> {
    return createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 5,
      // A server that hangs must not hold a job forever: the job fails and is retried later.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as SMTPPool.Options);
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  get enabled(): boolean {
    return !!this.transporter;
  }

  /**
   * Resolves once the server accepted the message (250 after DATA); rejects otherwise. The message is built in
   * memory first and handed over whole (`raw`): streamed, nodemailer writes each MIME part's pieces to the socket
   * one by one (a dozen small writes per mail), which cost more CPU than building the mail itself.
   */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    const from = this.config.mail.from;
    const raw = await new MimeComposer({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
      icalEvent: mail.icalEvent,
    })
      .compile()
      .build();
    await this.transporter.sendMail({ envelope: { from: envelopeAddress(from), to: [mail.to.address] }, raw });
  }
}

/** The bare address of `Name <address>` (or of an address alone), for the SMTP envelope. */
const envelopeAddress = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/** The domain of our Message-IDs: the sender's. */
export function messageIdDomain(from: string): string {
  const match = /@([^\s@<>]+)>?\s*$/.exec(from);
  return match ? match[1] : 'bisang.local';
}
