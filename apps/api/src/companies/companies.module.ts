import { Module } from '@nestjs/common';
import { MailLinkTokens } from '@bisang/auth';
import { CompaniesRepository, CompanyInvitationsRepository, CompanyPagesRepository, UsersRepository } from '@bisang/database';
import { StorageModule } from '@bisang/storage';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { CompanyPagesController } from './company-pages.controller';
import { CompanyPagesService } from './company-pages.service';
import { InvitationsController } from './invitations.controller';

@Module({
  imports: [StorageModule],
  controllers: [CompaniesController, InvitationsController, CompanyPagesController],
  providers: [CompaniesService, CompanyPagesService, MailLinkTokens, CompaniesRepository, CompanyInvitationsRepository, CompanyPagesRepository, UsersRepository],
})
export class CompaniesModule {}
