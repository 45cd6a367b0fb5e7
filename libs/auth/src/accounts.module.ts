import { Module } from '@nestjs/common';
import { RefreshTokensRepository, UsersRepository } from '@bisang/database';
import { AccountsService } from './accounts.service';

/** Accounts for whoever needs to create users or sessions (the API and the CLI). */
@Module({
  providers: [AccountsService, UsersRepository, RefreshTokensRepository],
  exports: [AccountsService],
})
export class AccountsModule {}
