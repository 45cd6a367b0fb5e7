import { Module } from '@nestjs/common';
import { MailLinkTokens } from '@bisang/auth';
import { CompaniesRepository, CompanyInvitationsRepository, UsersRepository } from '@bisang/database';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { InvitationsController } from './invitations.controller';

@Module({
  controllers: [CompaniesController, InvitationsController],
  providers: [CompaniesService, MailLinkTokens, CompaniesRepository, CompanyInvitationsRepository, UsersRepository],
})
export class CompaniesModule {}
