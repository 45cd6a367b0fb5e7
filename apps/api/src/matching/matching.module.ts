import { Module } from '@nestjs/common';
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
