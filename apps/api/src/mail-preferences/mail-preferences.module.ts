import { Module } from '@nestjs/common';
import { AccountsModule } from '@bisang/auth';
import { MailPreferencesController } from './mail-preferences.controller';

/** What a user decides about the mail they get, from the links in it. */
@Module({ imports: [AccountsModule], controllers: [MailPreferencesController] })
export class MailPreferencesModule {}
