import { Module } from '@nestjs/common';
import { MailLinkTokens } from '@bisang/auth';
import { ApplicationsRepository, PostingsRepository } from '@bisang/database';
import { FollowUpLinksController } from './follow-up-links.controller';
import { FollowUpLinksService } from './follow-up-links.service';

/** The one-click answers of the follow-up mail, by signed link, without signing in. */
@Module({ controllers: [FollowUpLinksController], providers: [FollowUpLinksService, MailLinkTokens, ApplicationsRepository, PostingsRepository] })
export class FollowUpLinksModule {}
