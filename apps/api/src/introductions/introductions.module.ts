import { Module } from '@nestjs/common';
import { AccountsModule } from '@bisang/auth';
import { ApplicationsRepository, FairsRepository, IntroductionsRepository, PostingsRepository } from '@bisang/database';
import { IntroductionsController } from './introductions.controller';
import { IntroductionsService } from './introductions.service';

/** The employment centre's counselling notes and introductions of seekers to postings (소개). */
@Module({
  imports: [AccountsModule],
  controllers: [IntroductionsController],
  providers: [FairsRepository, PostingsRepository, ApplicationsRepository, IntroductionsRepository, IntroductionsService],
})
export class IntroductionsModule {}
