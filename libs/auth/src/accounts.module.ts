import { Module } from '@nestjs/common';
import { RefreshTokensRepository, UsersRepository } from '@bisang/database';
import { AccountsService } from './accounts.service';
import { AccountMailService } from './account-mail.service';
import { MailLinkTokens } from './mail-link-tokens';

/** Accounts for whoever needs to create users or sessions (the API and the CLI). */
@Module({
  providers: [AccountsService, AccountMailService, MailLinkTokens, UsersRepository, RefreshTokensRepository],
  exports: [AccountsService, AccountMailService, MailLinkTokens],
})
export class AccountsModule {}
