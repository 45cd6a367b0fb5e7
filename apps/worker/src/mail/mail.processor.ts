import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '@bisang/config';
import { JobMap, QUEUES, SHORT_LOCK } from '@bisang/queues';
import { AnnouncementPageHandler } from './announcement-page.handler';
import { ApplicantDigestHandler } from './applicant-digest.handler';
import { SendMailHandler } from './send-mail.handler';

/** The `mail` queue: hands each job to its handler. */
@Processor(QUEUES.mail, SHORT_LOCK)
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly sendMail: SendMailHandler,
    private readonly digest: ApplicantDigestHandler,
    private readonly announcement: AnnouncementPageHandler,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job): Promise<void> {
    if (job.name === 'mail.send') return this.sendMail.handle(job.data as JobMap['mail.send']);
    if (job.name === 'mail.applicant-digest') return this.digest.handle(job.data as JobMap['mail.applicant-digest']);
    if (job.name === 'mail.announcement') return this.announcement.handle(job.data as JobMap['mail.announcement']);
    throw new Error(`no handler for mail job ${job.name}`);
  }
}
