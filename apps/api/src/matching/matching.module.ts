import { Module } from '@nestjs/common';
import { AccountsModule } from '@bisang/auth';
import {
  ApplicationsRepository,
  FairsRepository,
  PostingsRepository,
  RecommendationsRepository,
  SeekerProfilesRepository,
  TalentPoolRepository,
} from '@bisang/database';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/** Recommended postings, the talent pool (by the seeker's consent) and companies' invitations from it. */
@Module({
  imports: [AccountsModule],
  controllers: [MatchingController],
  providers: [
    FairsRepository,
    SeekerProfilesRepository,
    RecommendationsRepository,
    PostingsRepository,
    ApplicationsRepository,
    TalentPoolRepository,
    MatchingService,
  ],
})
export class MatchingModule {}
