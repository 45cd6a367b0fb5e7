import { Module } from '@nestjs/common';
import { MailLinkTokens } from '@bisang/auth';
import { MailDeliveriesRepository } from '@bisang/database';
import { AnnouncementPageHandler } from './announcement-page.handler';
import { ApplicantDigestHandler } from './applicant-digest.handler';
import { MailComposer } from './mail-composer';
import { MailSender } from './mail-sender';
import { MailProcessor } from './mail.processor';
import { MailSubscriber } from './mail.subscriber';
import { MailTransport } from './mail-transport';
import { SendMailHandler } from './send-mail.handler';

/** E-mail: the subscriber turning events into mail jobs, and the `mail` queue sending them over SMTP. */
@Module({
  providers: [
    MailDeliveriesRepository,
    MailLinkTokens,
    MailTransport,
    MailComposer,
    MailSender,
    SendMailHandler,
    ApplicantDigestHandler,
    AnnouncementPageHandler,
    MailSubscriber,
    MailProcessor,
  ],
})
export class MailWorkerModule {}
