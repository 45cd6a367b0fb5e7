import { Module } from '@nestjs/common';
import { AccountsModule, SignInBackoff } from '@bisang/auth';
import {
  ApplicationsRepository,
  BoothQueueRepository,
  CoachingBookingsRepository,
  PostingsRepository,
  PrivacyRepository,
  RefreshTokensRepository,
} from '@bisang/database';
import { StorageModule } from '@bisang/storage';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';

/** Privacy consent, the personal data export and account deletion (issue #15). */
@Module({
  imports: [AccountsModule, StorageModule],
  controllers: [PrivacyController],
  providers: [
    PrivacyService,
    PrivacyRepository,
    ApplicationsRepository,
    PostingsRepository,
    CoachingBookingsRepository,
    BoothQueueRepository,
    RefreshTokensRepository,
    SignInBackoff,
  ],
})
export class PrivacyModule {}
